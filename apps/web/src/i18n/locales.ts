// Which languages the SPA speaks: exactly the catalogues in src/locales. Adding a language means
// adding `src/locales/<tag>.json` (checked by `pnpm i18n:check`); nothing here names a language
// except the source one.
import type { MessageFormatElement } from 'react-intl';

/** The language the messages are written in (the `defaultMessage`s and src/locales/en.json). */
export const SOURCE_LOCALE = 'en';

/** A language's messages: parsed to ICU ASTs at build time (see vite.config.ts). */
export type Catalogue = Record<string, string> | Record<string, MessageFormatElement[]>;

// Lazy: a Chinese catalogue is not downloaded by an English screen.
const CATALOGUES = import.meta.glob<Catalogue>('../locales/*.json', { import: 'default' });

const tagOf = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/, '');

/** Every locale with a catalogue, source first. */
export const SUPPORTED_LOCALES: readonly string[] = [
  SOURCE_LOCALE,
  ...Object.keys(CATALOGUES)
    .map(tagOf)
    .filter((t) => t !== SOURCE_LOCALE)
    .sort(),
];

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The best supported locale for a list of wishes in order of preference (a `lang=` parameter, a
 * saved choice, navigator.languages, the site default), or null when none fits. An exact tag
 * wins; otherwise the language alone ("zh", "zh-Hans", "zh-SG" → zh-CN; "en-US" → en).
 */
export function matchLocale(wishes: readonly (string | null | undefined)[]): string | null {
  for (const wish of wishes) {
    if (!wish) continue;
    const tag = canonical(wish.trim());
    if (!tag) continue;
    const exact = SUPPORTED_LOCALES.find((s) => s.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const lang = new Intl.Locale(tag).language;
    const same = SUPPORTED_LOCALES.find((s) => new Intl.Locale(s).language === lang);
    if (same) return same;
  }
  return null;
}

/** The messages of a supported locale (the source locale's come with the code). */
export async function loadMessages(locale: string): Promise<Catalogue> {
  const load = CATALOGUES[`../locales/${locale}.json`];
  return load ? load() : {};
}

/** A language's own name for itself ("English", "中文（中国）"), for the switcher. */
export function endonym(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}
