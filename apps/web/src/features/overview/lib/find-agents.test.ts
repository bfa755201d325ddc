import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeAgent, makeQueue } from '../../../../test/fixtures';
import { useLocaleForTest } from '../../../../test/locale';
import { findAgents } from './find-agents';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

const queue = makeQueue({ skillId: 1, name: '信用卡服务' });
const floor = (names: Record<string, string>) =>
  new Map(
    Object.entries(names).map(([workno, name]) => [
      workno,
      makeAgent({ workno, name, skills: [1] }),
    ]),
  );

describe('finding agents by Chinese name', () => {
  const agents = floor({ '1001': '王芳', '1002': '张伟', '1003': '汪王', '1004': '李娜' });
  const queues = new Map([[1, queue]]);
  const names = (q: string) => findAgents(q, agents, queues).hits.map((h) => h.agent.name);

  it('matches a character anywhere in the name', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    expect(names('王').sort()).toEqual(['汪王', '王芳'].sort());
    expect(names('张伟')).toEqual(['张伟']);
  });

  it('matches a work number typed in full-width digits by a Chinese input method', () => {
    expect(names('１００２')).toEqual(['张伟']);
  });

  it('lists hits in pinyin order under zh-CN', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    // lǐ, wáng, wāng, zhāng: by syllable first
    expect(names('10')).toEqual(['李娜', '汪王', '王芳', '张伟']);
  });
});
