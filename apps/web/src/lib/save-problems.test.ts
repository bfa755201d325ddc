import { siteLimits } from '@floorwatch/contracts/api';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { useLocaleForTest } from '../../test/locale';
import { ApiError } from './api-client';
import { fieldErrorsOf, fieldErrorsOfParse, saveErrorText } from './save-problems';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

/** A 400 as the BFF sends it: zod's English message beside the code and bound. */
const refused = new ApiError({
  status: 400,
  code: 'BAD_REQUEST',
  message: 'The request is not valid',
  details: [
    {
      path: 'name',
      message: 'Too big: expected string to have <=60 characters',
      code: 'too_big',
      origin: 'string',
      maximum: 60,
      inclusive: true,
    },
    {
      path: 'limit.critSec',
      message: 'the warning limit must be below the critical limit',
      code: 'custom',
    },
  ],
});

describe('a refused change, for a Chinese admin', () => {
  it('words each field from its code and bound, never the server’s English', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    expect(fieldErrorsOf(refused)).toEqual({
      name: '最多 60 个字符。',
      'limit.critSec': '严重限值必须高于预警限值。',
    });
  });

  it('says the same words when the form’s own check finds the problem', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    const parsed = siteLimits.safeParse({
      version: 1,
      states: { wrapup: { warnSec: 300, critSec: 120 }, rest: { warnSec: 1.5, critSec: 900 } },
      kpi: { waiting: null, longestWaitSec: null, serviceLevelPct: null },
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOfParse(parsed.error)).toEqual({
      'states.wrapup.critSec': '严重限值必须高于预警限值。',
      'states.rest.warnSec': '只能输入整数。',
    });
  });

  it('words any other refusal by its code', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    const down = new ApiError({ status: 503, code: 'NOT_READY', message: 'Starting up' });
    expect(saveErrorText(down)).toBe('Floorwatch 正在启动，尚无数据。请稍后再试。');
    expect(saveErrorText(refused)).toBe('部分取值无效；请查看下方标出的字段。');
  });

  it('reads the same in English', () => {
    expect(fieldErrorsOf(refused)).toEqual({
      name: 'At most 60 characters.',
      'limit.critSec': 'The critical limit must be above the warning limit.',
    });
  });
});
