// Decides the language and clock of every screen (docs/decisions/0014-i18n.md): a `lang=` URL
// parameter, else the language a stored wall link fixes (an admin sets it; the display learns it
// from GET /api/v1/me), else the user's choice (kept on the server per user), else the browser's
// languages, else the site default (FLOORWATCH_LOCALE); times in FLOORWATCH_TIME_ZONE.
import { useEffect, useState, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { usePreferences, useSavePreferences } from '@/api/preferences';
import { useSiteLocale } from '@/api/site-locale';
import { useMe } from '@/features/auth/api/get-me';
import { loadMessages, matchLocale, SOURCE_LOCALE } from '@/i18n/locales';
import { BROWSER_TIME_ZONE, makeIntl, useLocaleStore } from '@/stores/locale-store';

function urlLang(): string | null {
  return new URLSearchParams(window.location.search).get('lang');
}

/** Keeps the user's choice and the server's stored preference in step. */
function useServerPreference() {
  const me = useMe();
  // Wall displays share one sign-in and may not store preferences; their link fixes the language.
  const person = Boolean(me.data) && me.data?.role !== 'wallboard';
  const prefs = usePreferences(person);
  const save = useSavePreferences();
  const { chosen, unsaved, adopt } = useLocaleStore();
  const stored = prefs.data?.locale;
  const { mutate } = save;

  useEffect(() => {
    if (stored !== undefined && !unsaved) adopt(stored);
  }, [stored, unsaved, adopt]);

  useEffect(() => {
    if (!person || !unsaved) return;
    mutate({ locale: chosen }, { onSettled: () => adopt(chosen) });
  }, [person, unsaved, chosen, mutate, adopt]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  useServerPreference();
  const site = useSiteLocale();
  const me = useMe();
  const wallLang = me.data?.wall?.lang ?? null;
  const chosen = useLocaleStore((s) => s.chosen);
  const intl = useLocaleStore((s) => s.intl);
  const setIntl = useLocaleStore((s) => s.setIntl);
  const [fixed] = useState(urlLang);
  const siteKnown = !site.isPending;
  const locale =
    matchLocale([fixed, wallLang, chosen, ...navigator.languages, site.data?.locale]) ??
    SOURCE_LOCALE;
  const timeZone = site.data?.timeZone ?? BROWSER_TIME_ZONE;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!siteKnown) return;
    let live = true;
    void loadMessages(locale).then((messages) => {
      if (!live) return;
      setIntl(makeIntl(locale, messages, timeZone));
      document.documentElement.lang = locale;
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [siteKnown, locale, timeZone, setIntl]);

  // Nothing until the language is known: an English flash before Chinese reads as a fault.
  if (!ready) return null;
  return (
    <RawIntlProvider value={intl} key={`${intl.locale}|${intl.timeZone ?? ''}`}>
      {children}
    </RawIntlProvider>
  );
}
