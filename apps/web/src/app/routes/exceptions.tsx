import { ExceptionsPage } from '@/features/exceptions/components/exceptions-page';
import { SavedViewsMenu } from '@/features/saved-views/components/saved-views-menu';
import { useCanSaveViews } from './use-can-save-views';

export function ExceptionsRoute() {
  const canSave = useCanSaveViews();
  return <ExceptionsPage actions={canSave ? <SavedViewsMenu /> : undefined} />;
}
