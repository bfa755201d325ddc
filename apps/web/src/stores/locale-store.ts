// The language and time zone every screen formats with. The provider in app/ decides them (see
// app/i18n-provider.tsx) and React reads the same `intl` through RawIntlProvider; plain functions
// such as lib/format and lib/gateway-problem read it with activeIntl(), so no locale argument
// is threaded through every component.
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { create } from 'zustand';
import { SOURCE_LOCALE } from '@/i18n/locales';

/** The browser's own zone: what times are shown in until the site's zone is known. */
export const BROWSER_TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone;

// react-intl's own cache of message formatters, shared by every intl object we create.
const intlCache = createIntlCache();

/** Formatted messages kept per intl object; emptied when it grows past this many. */
const KEPT_MESSAGES = 4000;

export function makeIntl(
  locale: string,
  messages: Record<string, string>,
  timeZone: string,
): IntlShape {
  const intl = createIntl(
    { locale, messages, timeZone, defaultLocale: SOURCE_LOCALE, onError: reportIntlError },
    intlCache,
  );
  // react-intl merges its formats with the time zone on every formatMessage call, which a 500-
  // queue screen pays thousands of times a second for the same labels. A message's text depends
  // only on the intl object and its plain (string or number) values, so those results are kept.
  const kept = new Map<string, string>();
  const format = intl.formatMessage as (
    d: { id?: string },
    values?: Record<string, unknown>,
    opts?: unknown,
  ) => unknown;
  const formatMessage = ((
    descriptor: { id?: string },
    values?: Record<string, unknown>,
    opts?: unknown,
  ) => {
    const id = descriptor.id;
    if (!id || opts !== undefined) return format(descriptor, values, opts);
    let key = id;
    if (values !== undefined) {
      for (const [k, v] of Object.entries(values)) {
        if (typeof v !== 'string' && typeof v !== 'number') return format(descriptor, values);
        key += `\u0000${k}\u0000${typeof v === 'number' ? 'n' : 's'}${v}`;
      }
    }
    let text = kept.get(key);
    if (text === undefined) {
      text = String(format(descriptor, values));
      if (kept.size >= KEPT_MESSAGES) kept.clear();
      kept.set(key, text);
    }
    return text;
  }) as unknown as IntlShape['formatMessage'];
  return { ...intl, formatMessage, $t: formatMessage };
}

// A missing translation falls back to the English default; say so in development only, where
// the catalogue check (pnpm i18n:check) has not yet caught it.
function reportIntlError(err: { code: string; message: string }) {
  if (err.code === 'MISSING_TRANSLATION') {
    if (import.meta.env.DEV) console.warn(err.message);
    return;
  }
  console.error(err.message);
}

const CHOICE_KEY = 'floorwatch.locale';

function readChoice(): string | null {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}

function keepChoice(locale: string | null) {
  try {
    if (locale) localStorage.setItem(CHOICE_KEY, locale);
    else localStorage.removeItem(CHOICE_KEY);
  } catch {
    // private mode: the choice lasts for this page only (the server keeps it for signed-in users)
  }
}

interface LocaleState {
  /** The active locale, its messages and the site's time zone (FLOORWATCH_TIME_ZONE). */
  intl: IntlShape;
  setIntl: (intl: IntlShape) => void;
  /**
   * The language the user picked (null = automatic). Remembered in this browser for the sign-in
   * screen; for a signed-in user the server's preference is the truth (app/i18n-provider).
   */
  chosen: string | null;
  /** True after the user picked in this page and before the server has stored it. */
  unsaved: boolean;
  /** The user picks a language in the switcher. */
  choose: (locale: string | null) => void;
  /** The server's stored preference arrived (or was saved). */
  adopt: (locale: string | null) => void;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  intl: makeIntl(SOURCE_LOCALE, {}, BROWSER_TIME_ZONE),
  setIntl: (intl) => set({ intl }),
  chosen: readChoice(),
  unsaved: false,
  choose: (locale) => {
    keepChoice(locale);
    set({ chosen: locale, unsaved: true });
  },
  adopt: (locale) => {
    keepChoice(locale);
    set({ chosen: locale, unsaved: false });
  },
}));

/** The active intl object, for code outside React. */
export function activeIntl(): IntlShape {
  return useLocaleStore.getState().intl;
}

/** The active locale and the zone times are shown in. */
export function activeLocale(): { locale: string; timeZone: string } {
  const { locale, timeZone } = activeIntl();
  return { locale, timeZone: timeZone ?? BROWSER_TIME_ZONE };
}

/** The active intl object in a component: it re-renders when the language changes. */
export function useI18n(): IntlShape {
  return useLocaleStore((s) => s.intl);
}
