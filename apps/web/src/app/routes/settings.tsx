import { useMe } from '@/features/auth/api/get-me';
import { LimitsPage } from '@/features/limits/components/limits-page';

export function SettingsRoute() {
  const me = useMe();
  return <LimitsPage canEdit={me.data?.role === 'admin'} />;
}
