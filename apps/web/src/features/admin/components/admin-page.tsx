import { NavLink } from 'react-router';
import { ADMIN_SECTIONS, ADMIN_WORDS, type AdminSection } from '../lib/admin-words';
import { AuditLog } from './audit-log';
import { GroupsAdmin } from './groups-admin';
import { ReasonsAdmin } from './reasons-admin';
import { WallLinksAdmin } from './wall-links-admin';

/** Not an admin: say so plainly (the server refuses the changes anyway). */
export function NotAllowed() {
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col gap-3 p-8">
      <title>Not allowed · Floorwatch</title>
      <h1 className="text-xl font-semibold">{ADMIN_WORDS.notAllowedTitle}</h1>
      <p className="text-muted">{ADMIN_WORDS.notAllowed}</p>
    </div>
  );
}

const tab = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm ${isActive ? 'bg-surface-2 font-semibold' : 'text-muted hover:text-fg'}`;

/** The admin's screens: reason and group names, wall links, the audit log (limits: /settings). */
export function AdminPage({ section }: { section: AdminSection }) {
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-4 lg:p-6">
      <title>{`${ADMIN_WORDS.sections[section]} · ${ADMIN_WORDS.title} · Floorwatch`}</title>
      <h1 className="text-2xl font-semibold tracking-tight">
        {ADMIN_WORDS.title}: {ADMIN_WORDS.sections[section]}
      </h1>
      <nav aria-label="Administration" className="flex flex-wrap gap-1 border-b border-line pb-2">
        {ADMIN_SECTIONS.map((s) => (
          <NavLink key={s} to={`/admin/${s}`} className={tab}>
            {ADMIN_WORDS.sections[s]}
          </NavLink>
        ))}
        <NavLink to="/settings" className={tab}>
          {ADMIN_WORDS.sections.limits}
        </NavLink>
      </nav>
      {section === 'reasons' && <ReasonsAdmin />}
      {section === 'groups' && <GroupsAdmin />}
      {section === 'wall-links' && <WallLinksAdmin />}
      {section === 'audit' && <AuditLog />}
    </div>
  );
}
