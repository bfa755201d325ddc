// The admin screens' words, in one place.
import { defineMessages } from '@/i18n/messages';
import { activeIntl } from '@/stores/locale-store';

export type AdminSection = 'reasons' | 'groups' | 'wall-links' | 'audit';
export const ADMIN_SECTIONS: readonly AdminSection[] = ['reasons', 'groups', 'wall-links', 'audit'];

const M = defineMessages({
  title: { id: 'admin.title', defaultMessage: 'Administration' },
  notAllowedTitle: { id: 'admin.not-allowed.title', defaultMessage: 'Not allowed' },
  notAllowed: {
    id: 'admin.not-allowed',
    defaultMessage:
      'Only an administrator can open this page. Ask your Floorwatch administrator if you need a change to limits, names or wall links.',
  },
});

const SECTION = defineMessages<AdminSection | 'limits'>({
  reasons: { id: 'admin.section.reasons', defaultMessage: 'Reasons' },
  groups: { id: 'admin.section.groups', defaultMessage: 'Groups' },
  'wall-links': { id: 'admin.section.wall-links', defaultMessage: 'Wall links' },
  limits: { id: 'admin.section.limits', defaultMessage: 'Limits' },
  audit: { id: 'admin.section.audit', defaultMessage: 'Audit log' },
});

export const ADMIN_WORDS = {
  title: () => activeIntl().formatMessage(M.title),
  notAllowedTitle: () => activeIntl().formatMessage(M.notAllowedTitle),
  notAllowed: () => activeIntl().formatMessage(M.notAllowed),
  section: (s: AdminSection | 'limits') => activeIntl().formatMessage(SECTION[s]),
} as const;
