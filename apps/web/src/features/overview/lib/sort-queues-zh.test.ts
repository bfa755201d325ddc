import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeQueue } from '../../../../test/fixtures';
import { useLocaleForTest } from '../../../../test/locale';
import { sortQueues } from './sort-queues';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

describe('queues by name for a Chinese supervisor', () => {
  it('come in pinyin order (a Chinese centre reads A–Z as pinyin)', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    // xìnyòngkǎ, gèrén, lǐcái, zhàngdān, bǎoxiǎn, chēdài
    const names = ['信用卡服务', '个人贷款', '理财热线', '账单查询', '保险理赔', '车贷咨询'];
    const queues = names.map((name, i) => makeQueue({ skillId: i + 1, name }));
    expect(sortQueues(queues, 'name').map((q) => q.name)).toEqual([
      '保险理赔',
      '车贷咨询',
      '个人贷款',
      '理财热线',
      '信用卡服务',
      '账单查询',
    ]);
  });

  it('keep numbers in value order in English', () => {
    const queues = ['Sales 10', 'billing', 'Sales 9'].map((name, i) =>
      makeQueue({ skillId: i + 1, name }),
    );
    expect(sortQueues(queues, 'name').map((q) => q.name)).toEqual([
      'billing',
      'Sales 9',
      'Sales 10',
    ]);
  });
});
