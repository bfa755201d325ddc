import { ExceptionsPanel } from '@/features/exceptions/components/exceptions-panel';
import { OverviewPage } from '@/features/overview/components/overview-page';
import { SavedViewsMenu } from '@/features/saved-views/components/saved-views-menu';
import { useCanSaveViews } from './use-can-save-views';

export function OverviewRoute() {
  const canSave = useCanSaveViews();
  return (
    <OverviewPage actions={canSave ? <SavedViewsMenu /> : undefined} aside={<ExceptionsPanel />} />
  );
}
