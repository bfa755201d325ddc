import { afterEach, describe, expect, it } from 'vitest';
import { NO_NAMES } from '@/lib/floor-names';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeAgent, T0 } from '../../../../test/fixtures';
import { useLocaleForTest } from '../../../../test/locale';
import { buildAgentsCsv } from './csv-export';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

describe('a CSV file for a Chinese supervisor', () => {
  it('has Chinese headers, the site time zone and every name byte for byte after the BOM', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    const rows = [
      makeAgent({ workno: '1001', name: '王芳', state: 'wrapup', status: 5, skills: [1] }),
      makeAgent({ workno: '1002', name: '𠮷野·阿卜杜拉', state: 'rest', status: 8, reason: 4 }),
    ];
    const csv = buildAgentsCsv(
      rows,
      ['name', 'workno', 'state', 'timeInState', 'signIn', 'reason'],
      {
        skillId: 1,
        queueName: '信用卡服务',
        mediaType: 5,
        serverNow: T0,
        offset: 0,
        queueNames: { 1: '信用卡服务' },
        names: NO_NAMES,
      },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    // T0 is 14:00 UTC: 22:00 on the floor in Shanghai.
    expect(lines[0]).toBe('队列,信用卡服务（技能 1）,导出时间,2026-11-25T22:00:00+08:00');
    expect(lines[1]).toBe('姓名,工号,状态,状态时长（秒）,状态时长,签入时间,原因,原因代码');
    expect(lines[2]?.startsWith('王芳,1001,整理,')).toBe(true);
    expect(lines[3]?.startsWith('𠮷野·阿卜杜拉,1002,休息,')).toBe(true);
    expect(lines[3]?.endsWith(',休息,4')).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
  });
});
