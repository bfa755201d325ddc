// The admin screens' words, in one place.
export const ADMIN_WORDS = {
  title: 'Administration',
  notAllowedTitle: 'Not allowed',
  notAllowed:
    'Only an administrator can open this page. Ask your Floorwatch administrator if you need a change to limits, names or wall links.',
  sections: {
    reasons: 'Reasons',
    groups: 'Groups',
    'wall-links': 'Wall links',
    limits: 'Limits',
    audit: 'Audit log',
  },
} as const;

export type AdminSection = 'reasons' | 'groups' | 'wall-links' | 'audit';
export const ADMIN_SECTIONS: readonly AdminSection[] = ['reasons', 'groups', 'wall-links', 'audit'];
