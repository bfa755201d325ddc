import { afterEach, describe, expect, it } from 'vitest';
import { describeGatewayProblem } from '@/lib/gateway-problem';
import {
  formatAgo,
  formatClock,
  formatCount,
  formatSignIn,
  isoWithOffset,
  siteZoneLabel,
} from '@/lib/format';
import { mediaLabel, reasonText, stateLabel } from '@/lib/states';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { useLocaleForTest } from '../../test/locale';
import { cachedFormatterCount, nameCollator } from './intl-cache';
import { endonym, matchLocale, SUPPORTED_LOCALES } from './locales';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

describe('choosing the language', () => {
  it('speaks exactly the languages that have a catalogue', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'zh-CN']);
    expect(endonym('zh-CN')).toBe('中文（中国）');
  });

  it('takes the first wish it has a catalogue for, by exact tag and then by language', () => {
    expect(matchLocale(['fr-FR', 'zh', 'en'])).toBe('zh-CN');
    expect(matchLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(matchLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(matchLocale([null, 'not a tag!', 'ZH-cn'])).toBe('zh-CN');
    expect(matchLocale(['fr', 'de'])).toBeNull();
  });
});

describe('names sort in the order of the language', () => {
  it('orders Chinese names by pinyin under zh-CN', () => {
    // chén, lǐ, liú, wáng, zhāng, zhào
    const names = ['张伟', '赵磊', '王芳', '刘洋', '陈静', '李娜'];
    expect([...names].sort(nameCollator('zh-CN').compare)).toEqual([
      '陈静',
      '李娜',
      '刘洋',
      '王芳',
      '张伟',
      '赵磊',
    ]);
  });

  it('keeps numbers in value order and ignores case', () => {
    expect(['agent 10', 'Agent 9', 'agent 1'].sort(nameCollator('en').compare)).toEqual([
      'agent 1',
      'Agent 9',
      'agent 10',
    ]);
  });
});

describe('a Chinese screen on the floor’s clock', () => {
  // 2026-11-25 14:02:31 UTC = 22:02:31 in Shanghai.
  const t = Date.UTC(2026, 10, 25, 14, 2, 31);

  it('shows times in the site zone, whatever the browser zone', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    expect(formatClock(t)).toBe('22:02:31');
    expect(isoWithOffset(t)).toBe('2026-11-25T22:02:31+08:00');
    // 23:30 UTC on the 24th is already the 25th in Shanghai: same day, so the time alone.
    expect(formatSignIn(Date.UTC(2026, 10, 24, 23, 30), t)).toBe('07:30');
    expect(formatSignIn(Date.UTC(2026, 10, 23, 23, 30), t)).toBe('11月24日 07:30');
  });

  it('names the site zone only when the browser is elsewhere', () => {
    useLocaleForTest('en', 'Asia/Shanghai');
    expect(siteZoneLabel(t, 'Europe/Berlin')).toBe('GMT+8');
    expect(siteZoneLabel(t, 'Asia/Shanghai')).toBeNull();
  });

  it('says states, media, reasons, ages and problems in Chinese', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    expect(
      ['idle', 'talking', 'wrapup', 'busy', 'rest', 'prerest', 'signedout'].map((s) =>
        stateLabel(s as Parameters<typeof stateLabel>[0]),
      ),
    ).toEqual(['空闲', '通话', '整理', '示忙', '休息', '预休息', '签出']);
    expect(mediaLabel(51)).toBe('网页聊天');
    expect(reasonText(1)).toBe('示忙');
    expect(formatAgo(3 * 3600_000 + 15 * 60_000)).toBe('3 小时 15 分钟');
    expect(formatCount(12345)).toBe('12,345');
    const p = describeGatewayProblem(
      { code: 'TIMEOUT', category: 'transport', message: 'gateway timed out', fatal: false, at: t },
      '22:02',
    );
    expect(p.headline).toBe('自 22:02 起电话系统无应答');
    expect(p.headline).not.toMatch(/[A-Za-z]{3}/);
  });

  it('builds each formatter once, not once per value', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    formatClock(t);
    formatSignIn(t - 86_400_000, t);
    const before = cachedFormatterCount();
    for (let i = 0; i < 2000; i++) {
      formatClock(t + i * 1000);
      formatSignIn(t - i * 60_000, t);
    }
    expect(cachedFormatterCount()).toBe(before);
  });
});
