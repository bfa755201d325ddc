// Every Intl formatter the screens use, built once per locale and time zone: constructing one
// costs far more than using it, and a 2,000-agent grid ticking each second must not build one
// per cell (docs/decisions/0014-i18n.md).

const cache = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function dateTimeFormat(
  locale: string,
  timeZone: string | undefined,
  name: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(
    `dt|${locale}|${timeZone ?? ''}|${name}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  );
}

export function numberFormat(
  locale: string,
  name: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return cached(`nf|${locale}|${name}`, () => new Intl.NumberFormat(locale, options));
}

/** Names in the locale's order: pinyin under zh-CN, numbers by value ("Agent 9" before "Agent 10"). */
export function nameCollator(locale: string): Intl.Collator {
  return cached(
    `co|${locale}`,
    () => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }),
  );
}

/** How many formatters exist (a test checks that formatting many values builds none anew). */
export function cachedFormatterCount(): number {
  return cache.size;
}
