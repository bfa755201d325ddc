// Words many screens say alike ("Loading…", "Save"), declared once.
import { defineMessages } from './messages';

/** The saved views menu's button (the button and the menu it opens say the same). */
export const SAVED_VIEWS_BUTTON = defineMessages({
  views: { id: 'views.button', defaultMessage: 'Views' },
}).views;

export const COMMON = defineMessages({
  loading: { id: 'common.loading', defaultMessage: 'Loading…' },
  reload: { id: 'common.reload', defaultMessage: 'Reload' },
  tryAgain: { id: 'common.try-again', defaultMessage: 'Try again' },
  save: { id: 'common.save', defaultMessage: 'Save' },
  saved: { id: 'common.saved', defaultMessage: 'Saved' },
  saving: { id: 'common.saving', defaultMessage: 'Saving…' },
  delete: { id: 'common.delete', defaultMessage: 'Delete' },
  cancel: { id: 'common.cancel', defaultMessage: 'Cancel' },
  name: { id: 'common.name', defaultMessage: 'Name' },
  sectionsByGroup: { id: 'common.sections-by-group', defaultMessage: 'Sections by group' },
  allGroups: { id: 'common.all-groups', defaultMessage: 'All groups' },
  group: { id: 'common.group', defaultMessage: 'Group' },
});
