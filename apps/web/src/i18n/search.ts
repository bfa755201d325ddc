// Text search that works for Chinese as well as Latin names. NFKC folds full-width forms, which a
// Chinese input method types by default ("１０１", "ＡＢ"), into the ASCII a work number is stored
// in; lower-casing after it makes Latin case-insensitive. Chinese characters themselves have no
// case and match as typed, so "王" finds 王芳 and 汪王.
import { activeLocale } from '@/stores/locale-store';
import { nameCollator } from './intl-cache';

/** The form a query and a name are compared in. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** True when any of `fields` contains the (already searchKey'd) query. */
export function matchesSearch(key: string, ...fields: readonly string[]): boolean {
  return key === '' || fields.some((f) => searchKey(f).includes(key));
}

/** Compares names in the active language's order (pinyin under zh-CN). */
export function compareNames(a: string, b: string): number {
  return namesOrder()(a, b);
}

/** compareNames for one sort: the active language's collator looked up once, not once per
 *  comparison (a 2,000-agent sort makes some 20,000 on every patch). */
export function namesOrder(): (a: string, b: string) => number {
  return nameCollator(activeLocale().locale).compare;
}
