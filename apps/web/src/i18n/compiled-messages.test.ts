import { createIntl, createIntlCache } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import { makeIntl } from '@/stores/locale-store';
import { defineMessages } from './messages';

const M = defineMessages({
  ago: { id: 'row.ago', defaultMessage: '{ago} ago' },
  alsoIn: {
    id: 'row.also-in',
    defaultMessage: '{count, plural, one {also in # queue} other {also in # queues}}',
  },
  seeAll: {
    id: 'exceptions.panel.see-all',
    defaultMessage: 'See all {count, number} on the Exceptions screen',
  },
  notExtracted: {
    id: 'test.not-extracted',
    defaultMessage: '{n, plural, one {# row} other {# rows}}',
  },
});

const CATALOGUES = { en, 'zh-CN': zhCN } as const;

describe('row words formatted many times a second', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`say exactly what react-intl says (${locale})`, () => {
      const plain = createIntl(
        {
          locale,
          messages: CATALOGUES[locale],
          defaultLocale: 'en',
          timeZone: 'Asia/Shanghai',
          onError: () => {},
        },
        createIntlCache(),
      );
      const intl = makeIntl(locale, CATALOGUES[locale], 'Asia/Shanghai');
      for (const count of [0, 1, 2, 12345]) {
        expect(intl.formatMessage(M.alsoIn, { count })).toBe(
          plain.formatMessage(M.alsoIn, { count }),
        );
        expect(intl.formatMessage(M.seeAll, { count })).toBe(
          plain.formatMessage(M.seeAll, { count }),
        );
      }
      expect(intl.formatMessage(M.ago, { ago: '3 h' })).toBe(
        plain.formatMessage(M.ago, { ago: '3 h' }),
      );
    });
  }

  it('reads “also in 2 queues” and “还在 2 个队列中”, and English words not yet in a catalogue', () => {
    expect(makeIntl('en', en, 'UTC').formatMessage(M.alsoIn, { count: 2 })).toBe(
      'also in 2 queues',
    );
    expect(makeIntl('zh-CN', zhCN, 'UTC').formatMessage(M.alsoIn, { count: 2 })).toBe(
      '还在 2 个队列中',
    );
    expect(makeIntl('en', {}, 'UTC').formatMessage(M.notExtracted, { n: 1 })).toBe('1 row');
  });

  it('compiles each message once, not once per row', () => {
    const intl = makeIntl('zh-CN', zhCN, 'Asia/Shanghai');
    let built = 0;
    const get = intl.formatters.getMessageFormat;
    intl.formatters.getMessageFormat = (...args) => {
      built += 1;
      return get(...args);
    };
    for (let i = 0; i < 2000; i++) {
      intl.formatMessage(M.ago, { ago: `${i} 分钟` });
      intl.formatMessage(M.alsoIn, { count: i });
    }
    expect(built).toBe(2);
  });
});
