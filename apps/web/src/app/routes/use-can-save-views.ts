import { useMe } from '@/features/auth/api/get-me';

/** People keep saved views; a wall display's shared sign-in does not. */
export function useCanSaveViews(): boolean {
  const role = useMe().data?.role;
  return role !== undefined && role !== 'wallboard';
}
