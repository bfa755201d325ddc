import { useParams } from 'react-router';
import { NotFoundRoute } from './not-found';
import { QueuePage } from '@/features/queue/components/queue-page';

export function QueueRoute() {
  const { skillId } = useParams();
  const id = Number(skillId);
  if (!Number.isInteger(id)) return <NotFoundRoute />;
  // key: a different queue starts with fresh component state.
  return <QueuePage key={id} skillId={id} />;
}
