import { useParams } from 'react-router';
import { NotFoundRoute } from './not-found';
import { QueuePage } from '@/features/queue/components/queue-page';
import { SavedViewsMenu } from '@/features/saved-views/components/saved-views-menu';
import { useCanSaveViews } from './use-can-save-views';

export function QueueRoute() {
  const { skillId } = useParams();
  const canSave = useCanSaveViews();
  const id = Number(skillId);
  if (!Number.isInteger(id)) return <NotFoundRoute />;
  // key: a different queue starts with fresh component state.
  return <QueuePage key={id} skillId={id} actions={canSave ? <SavedViewsMenu /> : undefined} />;
}
