import { afterEach, describe, expect, it } from 'vitest';
import { floorNames } from '@/lib/floor-names';
import { BROWSER_TIME_ZONE } from '@/stores/locale-store';
import { makeAgent, T0 } from '../../../../test/fixtures';
import { useLocaleForTest } from '../../../../test/locale';
import { DEFAULT_GRID_STATE } from './grid-url-state';
import { groupsOf, selectRows } from './sort-filter';

afterEach(() => useLocaleForTest('en', BROWSER_TIME_ZONE));

// zhào, chén, wáng, lǐ, ōuyáng: pinyin order chén, lǐ, ōuyáng, wáng, zhào.
const names = ['赵磊', '陈静', '王芳', '李娜', '欧阳娜娜'];
const agents = names.map((name, i) =>
  makeAgent({ workno: String(1001 + i), name, groupId: 10 + i, stateSince: T0 - 60_000 }),
);

describe('the queue grid for a Chinese supervisor', () => {
  it('sorts agents by name in pinyin order, and back', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    const sorted = (dir: 'asc' | 'desc') =>
      selectRows(
        agents,
        { ...DEFAULT_GRID_STATE, sort: 'name', dir },
        T0,
        floorNames({ reasons: [], groups: [] }),
      ).map((a) => a.name);
    expect(sorted('asc')).toEqual(['陈静', '李娜', '欧阳娜娜', '王芳', '赵磊']);
    expect(sorted('desc')).toEqual(['赵磊', '王芳', '欧阳娜娜', '李娜', '陈静']);
  });

  it('lists the group filter by the groups’ Chinese names in pinyin order', () => {
    useLocaleForTest('zh-CN', 'Asia/Shanghai');
    const groups = ['投诉组', '白班一组', '夜班组', '贵宾组', '催收组'].map((name, i) => ({
      version: 1,
      groupId: 10 + i,
      name,
    }));
    const named = floorNames({ reasons: [], groups });
    // tóusù, báibān, yèbān, guìbīn, cuīshōu
    expect(groupsOf(agents, named).map((g) => g.name)).toEqual([
      '白班一组',
      '催收组',
      '贵宾组',
      '投诉组',
      '夜班组',
    ]);
  });
});
