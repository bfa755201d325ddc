import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { AdminPage, NotAllowed } from '@/features/admin/components/admin-page';
import { ADMIN_SECTIONS } from '@/features/admin/lib/admin-words';
import { NotFoundRoute } from './not-found';

export function AdminRoute() {
  const me = useMe();
  const { section = 'reasons' } = useParams();
  if (me.data?.role !== 'admin') return <NotAllowed />;
  const s = ADMIN_SECTIONS.find((x) => x === section);
  if (!s) return <NotFoundRoute />;
  return <AdminPage section={s} />;
}
