import { siteLimits, type SiteLimits } from '@floorwatch/contracts/api';
import { useSettingsChange } from '@/api/settings-change';
import { SaveProblem } from '@/components/save-problem';
import { useVersionedEdit } from '@/hooks/use-versioned-edit';
import { COMMON } from '@/i18n/common';
import { defineMessages } from '@/i18n/messages';
import { fieldErrorsOfParse } from '@/lib/save-problems';
import { putSiteLimits } from '../api/limits-api';
import { checkDraft, fromDraft, toDraft, type LimitsDraft } from '../lib/limits-draft';
import { useI18n } from '@/stores/locale-store';
import { LimitTable } from './limit-table';

const M = defineMessages({
  form: { id: 'site-limits.form', defaultMessage: 'Site limits' },
  heading: { id: 'site-limits.heading', defaultMessage: 'Site limits' },
  intro: {
    id: 'site-limits.intro',
    defaultMessage:
      'An agent past the warning limit is marked amber with a triangle, past the critical limit red with an octagon. A queue figure past its limit is marked the same way. Leave both fields empty for no limit.',
  },
  save: { id: 'site-limits.save', defaultMessage: 'Save site limits' },
  saved: {
    id: 'site-limits.saved',
    defaultMessage: 'Saved. Every screen and wall uses the new limits within half a minute.',
  },
});

const draftOf = (l: SiteLimits | null): LimitsDraft => toDraft(l?.states ?? {}, l?.kpi ?? {});

/** Parsed with the contract before it is sent: the same words as the server's 400. */
function bodyOf(d: LimitsDraft, version: number) {
  return siteLimits.safeParse({ version, ...fromDraft(d, 'none') });
}

/** The site's limits: every screen and wall judges by these unless a reason or queue has its own. */
export function SiteLimitsForm({ stored, edit }: { stored: SiteLimits | null; edit: boolean }) {
  const put = useSettingsChange(putSiteLimits);
  const intl = useI18n();
  const form = useVersionedEdit<SiteLimits, LimitsDraft>({
    stored,
    toDraft: draftOf,
    schema: siteLimits,
    check: (d) => {
      const plain = checkDraft(d);
      if (Object.keys(plain).length > 0) return plain;
      const parsed = bodyOf(d, 0);
      return parsed.success ? {} : fieldErrorsOfParse(parsed.error);
    },
    save: async (d, version) => {
      const parsed = bodyOf(d, version);
      if (!parsed.success) throw parsed.error;
      return put.mutateAsync(parsed.data);
    },
  });

  return (
    <form
      className="card flex flex-col gap-4 p-4"
      noValidate
      aria-label={intl.formatMessage(M.form)}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <div>
        <h2 className="text-lg font-semibold">{intl.formatMessage(M.heading)}</h2>
        <p className="text-sm text-muted">{intl.formatMessage(M.intro)}</p>
      </div>
      <LimitTable
        idPrefix="site"
        draft={form.draft}
        setDraft={form.setDraft}
        edit={edit}
        errors={form.errors}
      />
      {edit && (
        <>
          <SaveProblem
            error={form.error}
            conflict={form.conflict}
            onReload={form.reload}
            onOverwrite={() => void form.overwrite()}
          />
          <div className="flex flex-wrap items-center gap-2">
            <button type="submit" className="btn btn-primary" disabled={form.saving}>
              {intl.formatMessage(form.saving ? COMMON.saving : M.save)}
            </button>
            {form.saved && (
              <p role="status" className="text-sm text-ok">
                {intl.formatMessage(M.saved)}
              </p>
            )}
          </div>
        </>
      )}
    </form>
  );
}
