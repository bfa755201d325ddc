import type { Agent } from '@floorwatch/contracts/api';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { MediaBadges } from '@/components/media-badges';
import { StateBadge } from '@/components/state-badge';
import { useAgent, useClockOffset, useLiveLoaded } from '@/hooks/use-live';
import { useServerNow } from '@/hooks/use-server-now';
import { COMMON } from '@/i18n/common';
import { defineMessages, type Message } from '@/i18n/messages';
import { groupName, reasonName, type FloorNames } from '@/lib/floor-names';
import { formatAgo, formatClock, formatDuration, formatSignIn } from '@/lib/format';
import { limitFor, type AppliedLimit, type LimitsPolicy } from '@/lib/limits';
import { queueAgentPath } from '@/lib/routes';
import { ctiText, statusText } from '@/lib/states';
import { useLiveStore } from '@/stores/live-store';
import { activeIntl, useI18n } from '@/stores/locale-store';
import { displayName } from '../lib/columns';
import { TimeInState } from './time-in-state';

const M = defineMessages({
  state: { id: 'detail.state', defaultMessage: 'State' },
  timeInState: { id: 'detail.time-in-state', defaultMessage: 'Time in state' },
  since: { id: 'detail.since', defaultMessage: 'since {time}' },
  timeLimit: { id: 'detail.time-limit', defaultMessage: 'Time limit' },
  signedIn: { id: 'detail.signed-in', defaultMessage: 'Signed in' },
  notReported: { id: 'detail.not-reported', defaultMessage: 'Not reported by the phone system' },
  signedInFor: { id: 'detail.signed-in-for', defaultMessage: 'signed in for {ago}' },
  media: { id: 'detail.media', defaultMessage: 'Media' },
  queues: { id: 'detail.queues', defaultMessage: 'Queues' },
  skill: { id: 'detail.skill', defaultMessage: 'Skill {skillId}' },
  thisQueue: { id: 'detail.this-queue', defaultMessage: '(this queue)' },
  phone: { id: 'detail.phone', defaultMessage: 'Phone' },
  none: { id: 'detail.none', defaultMessage: 'None' },
  reason: { id: 'detail.reason', defaultMessage: 'Reason' },
  code: { id: 'detail.code', defaultMessage: '(code {code})' },
  group: { id: 'detail.group', defaultMessage: 'Group' },
  groupId: { id: 'detail.group-id', defaultMessage: '(group {groupId})' },
  vdn: { id: 'detail.vdn', defaultMessage: 'VDN' },
  system: { id: 'detail.system', defaultMessage: 'Phone system state' },
  systemText: {
    id: 'detail.system.text',
    defaultMessage: '{status} (status {code}) · CTI {cti} ({ctiCode})',
  },
  agent: { id: 'detail.agent', defaultMessage: 'Agent {workno}' },
  workno: { id: 'detail.workno', defaultMessage: 'Work no.' },
  close: { id: 'detail.close', defaultMessage: 'Close' },
  absent: {
    id: 'detail.absent',
    defaultMessage:
      'Agent {workno} is not signed in to the phone system now, or is not in your queues.',
  },
  noLimit: { id: 'detail.limit.none', defaultMessage: 'No time limit for this state' },
  at: {
    id: 'detail.limit.at',
    defaultMessage: 'warning at {warn}, critical at {crit}',
  },
  byReason: { id: 'detail.limit.reason', defaultMessage: '{reason}: {at}' },
  byQueue: { id: 'detail.limit.queue', defaultMessage: "{queue}'s own limit: {at}" },
  bySite: { id: 'detail.limit.site', defaultMessage: 'Site limit: {at}' },
  queueN: { id: 'detail.queue', defaultMessage: 'Queue {skillId}' },
});

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
  const intl = activeIntl();
  if (!a) return intl.formatMessage(M.noLimit);
  const at = intl.formatMessage(M.at, {
    warn: formatDuration(a.limit.warnSec * 1000),
    crit: formatDuration(a.limit.critSec * 1000),
  });
  const t = (m: Message, v: Record<string, string>) => intl.formatMessage(m, v);
  switch (a.source.kind) {
    case 'reason':
      return t(M.byReason, { reason: a.source.name, at });
    case 'queue':
      return t(M.byQueue, { queue: queueName, at });
    case 'site':
      return t(M.bySite, { at });
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
  const intl = useI18n();
  const t = (m: Message, v?: Record<string, string | number>) => intl.formatMessage(m, v);
  return (
    <dl className="flex flex-col">
      <Field label={t(M.state)}>
        <StateBadge state={agent.state} mediaType={mediaType} />
      </Field>
      <Field label={t(M.timeInState)}>
        <span className="inline-flex flex-wrap items-center gap-x-3">
          <TimeInState agent={agent} skillId={skillId} policy={policy} />
          <span className="text-sm text-muted">
            {t(M.since, { time: formatClock(agent.stateSince - offset) })}
          </span>
        </span>
      </Field>
      <Field label={t(M.timeLimit)}>
        <span className="text-sm">
          {limitText(
            limitFor(agent, skillId, policy),
            queues.get(skillId)?.name ?? t(M.queueN, { skillId }),
          )}
        </span>
      </Field>
      <Field label={t(M.signedIn)}>
        {agent.loginAt === null ? (
          <span className="text-muted">{t(M.notReported)}</span>
        ) : (
          <>
            <span className="tabular">
              {formatSignIn(agent.loginAt - offset, serverNow - offset)}
            </span>
            <span className="text-sm text-muted">
              {' '}
              · {t(M.signedInFor, { ago: formatAgo(serverNow - agent.loginAt) })}
            </span>
          </>
        )}
      </Field>
      <Field label={t(M.media)}>
        <MediaBadges media={agent.media} />
      </Field>
      <Field label={t(M.queues)}>
        <ul className="flex flex-col gap-0.5">
          {agent.skills.map((id) => {
            const name = queues.get(id)?.name ?? t(M.skill, { skillId: id });
            return (
              <li key={id}>
                {id === skillId ? (
                  <span>
                    {name} <span className="text-sm text-muted">{t(M.thisQueue)}</span>
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
      <Field label={t(M.phone)}>
        {agent.phone || <span className="text-muted">{t(M.none)}</span>}
      </Field>
      <Field label={t(M.reason)}>
        {reason === null ? (
          <span className="text-muted">{t(M.none)}</span>
        ) : (
          <>
            {reason}{' '}
            <span className="text-sm text-muted tabular">{t(M.code, { code: agent.reason })}</span>
          </>
        )}
      </Field>
      <Field label={t(M.group)}>
        {groupName(agent.groupId, names)}{' '}
        <span className="text-sm text-muted tabular">
          {t(M.groupId, { groupId: agent.groupId })}
        </span>
      </Field>
      <Field label={t(M.vdn)}>
        <span className="tabular">{agent.vdnId}</span>
      </Field>
      <Field label={t(M.system)}>
        <span className="text-sm">
          {t(M.systemText, {
            status: statusText(agent.status),
            code: agent.status,
            cti: ctiText(agent.ctiStatus),
            ctiCode: agent.ctiStatus,
          })}
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
  const intl = useI18n();

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

  const title = agent
    ? displayName(agent)
    : workno !== null
      ? intl.formatMessage(M.agent, { workno })
      : '';
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
                {intl.formatMessage(M.workno)} <span className="font-mono tabular">{workno}</span>
              </p>
            </div>
            <button type="button" className="btn" onClick={onClose} autoFocus>
              {intl.formatMessage(M.close)}
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
                ? intl.formatMessage(M.absent, { workno })
                : intl.formatMessage(COMMON.loading)}
            </p>
          )}
        </div>
      )}
    </dialog>
  );
}
