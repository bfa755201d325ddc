import type { Agent } from '@floorwatch/contracts/api';
import { AGENT_STATUS, CTI_STATUS } from '@floorwatch/contracts/gateway';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { useAgent, useClockOffset, useLiveLoaded } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { groupName, reasonName, type FloorNames } from '@/lib/floor-names';
import { formatAgo, formatClock, formatDuration, formatSignIn } from '@/lib/format';
import { limitFor, type AppliedLimit, type LimitsPolicy } from '@/lib/limits';
import { queueAgentPath } from '@/lib/routes';
import { useLiveStore } from '@/stores/live-store';
import { displayName } from '../lib/columns';
import { TimeInState } from './time-in-state';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] items-baseline gap-x-3 border-b border-line py-2 last:border-b-0 sm:grid-cols-[8.5rem_1fr]">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** "Lunch: warning at 1:00:00, critical at 1:15:00". */
function limitText(a: AppliedLimit | null, queueName: string): string {
  if (!a) return 'No time limit for this state';
  const at = `warning at ${formatDuration(a.limit.warnSec * 1000)}, critical at ${formatDuration(a.limit.critSec * 1000)}`;
  switch (a.source.kind) {
    case 'reason':
      return `${a.source.name}: ${at}`;
    case 'queue':
      return `${queueName}'s own limit: ${at}`;
    case 'site':
      return `Site limit: ${at}`;
  }
}

function Fields({
  agent,
  skillId,
  mediaType,
  policy,
  names,
}: {
  agent: Agent;
  skillId: number;
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
}) {
  const serverNow = useServerNow();
  const offset = useClockOffset();
  // Names only: the queues' figures, not their members, whose changes do not concern this.
  const queues = useLiveStore((s) => s.infos);
  const reason = reasonName(agent.reason, names);
  return (
    <dl className="flex flex-col">
      <Field label="State">
        <StateBadge state={agent.state} mediaType={mediaType} />
      </Field>
      <Field label="Time in state">
        <span className="inline-flex flex-wrap items-center gap-x-3">
          <TimeInState agent={agent} skillId={skillId} policy={policy} />
          <span className="text-sm text-muted">since {formatClock(agent.stateSince - offset)}</span>
        </span>
      </Field>
      <Field label="Time limit">
        <span className="text-sm">
          {limitText(
            limitFor(agent, skillId, policy),
            queues.get(skillId)?.name ?? `Queue ${skillId}`,
          )}
        </span>
      </Field>
      <Field label="Signed in">
        {agent.loginAt === null ? (
          <span className="text-muted">Not reported by the phone system</span>
        ) : (
          <>
            <span className="tabular">
              {formatSignIn(agent.loginAt - offset, serverNow - offset)}
            </span>
            <span className="text-sm text-muted">
              {' '}
              · signed in for {formatAgo(serverNow - agent.loginAt)}
            </span>
          </>
        )}
      </Field>
      <Field label="Media">
        <MediaBadges media={agent.media} />
      </Field>
      <Field label="Queues">
        <ul className="flex flex-col gap-0.5">
          {agent.skills.map((id) => {
            const name = queues.get(id)?.name ?? `Skill ${id}`;
            return (
              <li key={id}>
                {id === skillId ? (
                  <span>
                    {name} <span className="text-sm text-muted">(this queue)</span>
                  </span>
                ) : queues.has(id) ? (
                  <Link to={queueAgentPath(id, agent.workno)} className="text-accent underline">
                    {name}
                  </Link>
                ) : (
                  <span>{name}</span>
                )}
              </li>
            );
          })}
        </ul>
      </Field>
      <Field label="Phone">{agent.phone || <span className="text-muted">None</span>}</Field>
      <Field label="Reason">
        {reason === null ? (
          <span className="text-muted">None</span>
        ) : (
          <>
            {reason} <span className="text-sm text-muted tabular">(code {agent.reason})</span>
          </>
        )}
      </Field>
      <Field label="Group">
        {groupName(agent.groupId, names)}{' '}
        <span className="text-sm text-muted tabular">(group {agent.groupId})</span>
      </Field>
      <Field label="VDN">
        <span className="tabular">{agent.vdnId}</span>
      </Field>
      <Field label="Phone system state">
        <span className="text-sm">
          {AGENT_STATUS[agent.status]?.label ?? 'Unknown'} (status {agent.status}) · CTI{' '}
          {CTI_STATUS[agent.ctiStatus] ?? 'unknown'} ({agent.ctiStatus})
        </span>
      </Field>
    </dl>
  );
}

interface AgentDetailProps {
  /** The agent asked for in the URL, or null when no detail is open. */
  workno: string | null;
  skillId: number;
  mediaType: number;
  policy: LimitsPolicy;
  names: FloorNames;
  onClose: () => void;
}

/**
 * One agent's every field in a modal dialog (native <dialog>: focus moves in, Escape closes,
 * focus returns to the row). Opened by `?agent=<workno>`, so it can be linked to.
 */
export function AgentDetail({
  workno,
  skillId,
  mediaType,
  policy,
  names,
  onClose,
}: AgentDetailProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const agent = useAgent(workno);
  const loaded = useLiveLoaded();
  const open = workno !== null;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);

  const title = agent ? displayName(agent) : workno !== null ? `Agent ${workno}` : '';
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog box itself, outside its content) closes it.
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] max-h-[calc(100dvh-1.5rem)] rounded-xl border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50"
    >
      {open && (
        <div className="flex flex-col gap-3 p-4 sm:p-5">
          <header className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 id={titleId} className="truncate text-xl font-semibold">
                {title}
              </h2>
              <p className="text-sm text-muted">
                Work no. <span className="font-mono tabular">{workno}</span>
              </p>
            </div>
            <button type="button" className="btn" onClick={onClose} autoFocus>
              Close
            </button>
          </header>
          {agent ? (
            <div className="live-data">
              <Fields
                agent={agent}
                skillId={skillId}
                mediaType={mediaType}
                policy={policy}
                names={names}
              />
            </div>
          ) : (
            <p role="status" className="text-muted">
              {loaded
                ? `Agent ${workno} is not signed in to the phone system now, or is not in your queues.`
                : 'Loading…'}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
