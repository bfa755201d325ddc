// react-intl's formatMessage merges the time-zone formats anew on every call and, for a message
// with values, serialises message and formats into its cache key. The queue page calls it for
// every visible row every second ("3 h ago", "also in 2 queues"): profiled under churn it was a
// third of the time spent in long tasks (bench browser-frames). Here each message id is compiled
// once per intl object and then only formatted. Anything unusual (rich-text values, options, a
// date or time argument, a missing or broken message) takes react-intl's own path unchanged.
import type { IntlShape, MessageDescriptor } from 'react-intl';

type Compiled = { format(values: Record<string, unknown>): unknown };
type Node = { type: number; options?: Record<string, { value: Node[] }>; children?: Node[] };

// The ICU AST's argument types whose formats depend on the time zone (TYPE.date, TYPE.time).
const DATE = 3;
const TIME = 4;

function usesClock(ast: readonly Node[]): boolean {
  return ast.some(
    (n) =>
      n.type === DATE ||
      n.type === TIME ||
      (n.children !== undefined && usesClock(n.children)) ||
      (n.options !== undefined && Object.values(n.options).some((o) => usesClock(o.value))),
  );
}

function plain(values: Record<string, unknown>): boolean {
  for (const k in values) {
    const v = values[k];
    if (typeof v !== 'string' && typeof v !== 'number') return false;
  }
  return true;
}

/** The same intl object, whose formatMessage reuses one compiled formatter per message id. */
export function withCompiledMessages(intl: IntlShape): IntlShape {
  const slow = intl.formatMessage as (
    d: MessageDescriptor,
    values?: Record<string, unknown>,
    opts?: unknown,
  ) => unknown;
  const compiled = new Map<string, Compiled | null>();

  function compile(id: string, defaultMessage: unknown): Compiled | null {
    const own = Object.prototype.hasOwnProperty.call(intl.messages, id);
    // Without a translation, the source language's default is what react-intl shows, silently.
    const source = intl.locale.toLowerCase() === intl.defaultLocale.toLowerCase();
    const message = own ? intl.messages[id] : source ? defaultMessage : undefined;
    if (message === undefined || message === '') return null;
    try {
      const mf = intl.formatters.getMessageFormat(
        message as string,
        own ? intl.locale : intl.defaultLocale,
        intl.formats,
        { formatters: intl.formatters },
      );
      return usesClock(mf.getAst()) ? null : mf;
    } catch {
      return null;
    }
  }

  const fast = ((
    descriptor: MessageDescriptor,
    values?: Record<string, unknown>,
    opts?: unknown,
  ) => {
    const id = descriptor.id;
    // Without values too: react-intl's own path pays the same set-up for a plain label, which a
    // 500-queue overview asks for thousands of times a second.
    if (opts === undefined && id !== undefined && (values === undefined || plain(values))) {
      const key = String(id);
      let mf = compiled.get(key);
      if (mf === undefined) {
        mf = compile(key, descriptor.defaultMessage);
        compiled.set(key, mf);
      }
      if (mf !== null) {
        try {
          const out = mf.format(values ?? {});
          if (typeof out === 'string') return out;
        } catch {
          // react-intl's path below reports it and falls back as it always does
        }
      }
    }
    return slow(descriptor, values, opts);
  }) as IntlShape['formatMessage'];

  intl.formatMessage = fast;
  intl.$t = fast;
  return intl;
}
