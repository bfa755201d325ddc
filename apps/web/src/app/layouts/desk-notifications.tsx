import { useDeskNotifications } from '@/hooks/use-desk-notifications';

/** Browser notifications for a desk that opted in (a component, so it runs only signed in). */
export function DeskNotifications() {
  useDeskNotifications();
  return null;
}
