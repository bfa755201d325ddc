import { NavLink } from 'react-router';
import { defineMessages } from '@/i18n/messages';
import { useI18n } from '@/stores/locale-store';
import { ADMIN_SECTIONS, ADMIN_WORDS, type AdminSection } from '../lib/admin-words';
import { AuditLog } from './audit-log';
import { GroupsAdmin } from './groups-admin';
import { ReasonsAdmin } from './reasons-admin';
import { WallLinksAdmin } from './wall-links-admin';

const M = defineMessages({
  notAllowedTitle: {
    id: 'admin.not-allowed.page-title',
    defaultMessage: 'Not allowed · Floorwatch',
  },
  pageTitle: { id: 'admin.page-title', defaultMessage: '{section} · {title} · Floorwatch' },
  heading: { id: 'admin.heading', defaultMessage: '{title}: {section}' },
  nav: { id: 'admin.nav', defaultMessage: 'Administration' },
});

/** Not an admin: say so plainly (the server refuses the changes anyway). */
export function NotAllowed() {
  const intl = useI18n();
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col gap-3 p-8">
      <title>{intl.formatMessage(M.notAllowedTitle)}</title>
      <h1 className="text-xl font-semibold">{ADMIN_WORDS.notAllowedTitle()}</h1>
      <p className="text-muted">{ADMIN_WORDS.notAllowed()}</p>
    </div>
  );
}

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm ${isActive ? 'bg-surface-2 font-semibold' : 'text-muted hover:text-fg'}`;

/** The admin's screens: reason and group names, wall links, the audit log (limits: /settings). */
export function AdminPage({ section }: { section: AdminSection }) {
  const intl = useI18n();
  const words = { title: ADMIN_WORDS.title(), section: ADMIN_WORDS.section(section) };
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4 lg:p-6">
      <title>{intl.formatMessage(M.pageTitle, words)}</title>
      <h1 className="text-2xl font-semibold tracking-tight">
        {intl.formatMessage(M.heading, words)}
      </h1>
      <nav
        aria-label={intl.formatMessage(M.nav)}
        className="flex flex-wrap gap-1 border-b border-line pb-2"
      >
        {ADMIN_SECTIONS.map((s) => (
          <NavLink key={s} to={`/admin/${s}`} className={tab}>
            {ADMIN_WORDS.section(s)}
          </NavLink>
        ))}
        <NavLink to="/settings" className={tab}>
          {ADMIN_WORDS.section('limits')}
        </NavLink>
      </nav>
      {section === 'reasons' && <ReasonsAdmin />}
      {section === 'groups' && <GroupsAdmin />}
      {section === 'wall-links' && <WallLinksAdmin />}
      {section === 'audit' && <AuditLog />}
    </div>
  );
}
