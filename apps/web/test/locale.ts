// Tests switch language the way the app does: by setting the locale store's intl object.
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { makeIntl, useLocaleStore } from '@/stores/locale-store';

const CATALOGUES: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };

export function useLocaleForTest(locale: 'en' | 'zh-CN', timeZone: string) {
  useLocaleStore.getState().setIntl(makeIntl(locale, CATALOGUES[locale] ?? {}, timeZone));
}
