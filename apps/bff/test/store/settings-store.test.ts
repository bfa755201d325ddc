// The settings store contract, run against every adapter on real storage (SQLite files, a real
// redis-server): seeding, versioned changes that never lose a concurrent one (from this process
// or another sharing the store), the audit log of every change, wall links found by their
// token's hash, and each user's own views and preferences. One suite, so the adapters cannot
// drift apart.
import type { SiteLimits } from '@floorwatch/contracts/api';
import { describe, expect, it } from 'vitest';
import { hashWallToken, newWallToken } from '../../src/auth/wall-link-token';
import { DEFAULT_THRESHOLDS } from '../../src/config';
import { seedInput, simulatorReasons } from '../../src/store/seed';
import { storeAdapters } from './adapters';

const ann = (at: number) => ({ username: 'ann', at });
const bob = (at: number) => ({ username: 'bob', at });
const NO_KPI = { waiting: null, longestWaitSec: null, serviceLevelPct: null };

it('names reasons only for the embedded simulator when no reasons file is given', () => {
  const real = seedInput({ thresholds: {}, reasons: null, embeddedSimulator: false });
  expect(real.reasons).toEqual([]);
  const demo = seedInput({ thresholds: {}, reasons: null, embeddedSimulator: true });
  expect(demo.reasons.map((r) => r.code)).toEqual([1, 4, 11, 12, 13, 14, 201, 202, 203, 205]);
  expect(demo.reasons).toEqual(simulatorReasons());
  expect(demo.reasons.find((r) => r.code === 12)).toMatchObject({ name: 'Lunch' });
});

for (const adapter of storeAdapters()) {
  /** A new place and its stores; `open(place)` again is a restart or a second replica. */
  const open = async (place?: string) => {
    const at = place ?? (await adapter.place());
    const stores = await adapter.open(at);
    return { place: at, stores, settings: stores.settings };
  };

  describe.skipIf(adapter.skip)(`${adapter.name}: seeding`, () => {
    it('seeds site limits on first start only, and reasons only for codes never seeded', async () => {
      const { place, stores, settings } = await open();
      const file = [
        { code: 11, name: 'Short break', limit: { warnSec: 900, critSec: 1200 } },
        { code: 12, name: 'Lunch', limit: null },
      ];
      const first = await settings.seed(
        seedInput({ thresholds: DEFAULT_THRESHOLDS, reasons: file, embeddedSimulator: false }),
        { username: 'system', at: 1 },
      );
      expect(first).toEqual({ siteLimits: true, reasons: [11, 12] });
      // An admin renames 12, deletes 11 and changes the site limits.
      await settings.putReason(12, { version: 1, name: 'Lunch (60 min)', limit: null }, ann(2));
      await settings.deleteReason(11, 1, ann(3));
      await settings.putSiteLimits({ version: 1, states: {}, kpi: NO_KPI }, ann(4));
      await stores.close();

      // A later start with a file that gained code 13: only 13 is added; nothing else is undone.
      const later = (await open(place)).settings;
      const again = await later.seed(
        seedInput({
          thresholds: DEFAULT_THRESHOLDS,
          reasons: [...file, { code: 13, name: 'Training', limit: null }],
          embeddedSimulator: false,
        }),
        { username: 'system', at: 5 },
      );
      expect(again).toEqual({ siteLimits: false, reasons: [13] });
      const floor = await later.floorSettings();
      expect(floor.reasons.map((r) => [r.code, r.name])).toEqual([
        [12, 'Lunch (60 min)'],
        [13, 'Training'],
      ]);
      expect(floor.limits).toEqual({ version: 2, states: {}, kpi: NO_KPI });
    });
  });

  describe.skipIf(adapter.skip)(`${adapter.name}: versioned changes`, () => {
    it('two admins editing at once: the second is refused with the first one’s change', async () => {
      const { settings } = await open();
      await settings.seed(
        seedInput({ thresholds: DEFAULT_THRESHOLDS, reasons: null, embeddedSimulator: false }),
        { username: 'system', at: 1 },
      );
      const base = (await settings.floorSettings()).limits;
      const annVersion: SiteLimits = { ...base, states: { wrapup: { warnSec: 60, critSec: 120 } } };
      const bobVersion: SiteLimits = { ...base, states: { rest: { warnSec: 600, critSec: 900 } } };
      const a = await settings.putSiteLimits(annVersion, ann(2));
      const b = await settings.putSiteLimits(bobVersion, bob(3));
      expect(a).toMatchObject({ ok: true, value: { version: base.version + 1 } });
      expect(b).toEqual({
        ok: false,
        reason: 'conflict',
        current: { ...annVersion, version: base.version + 1 },
      });
      // Bob merges onto what he was shown and tries again: both changes are kept.
      const merged = {
        ...annVersion,
        version: base.version + 1,
        states: { ...annVersion.states, ...bobVersion.states },
      };
      const b2 = await settings.putSiteLimits(merged, bob(4));
      expect(b2.ok).toBe(true);
      expect((await settings.floorSettings()).limits.states).toEqual({
        wrapup: { warnSec: 60, critSec: 120 },
        rest: { warnSec: 600, critSec: 900 },
      });
    });

    it('a new item is created only from version 0, and a deleted one is a conflict with null', async () => {
      const { settings } = await open();
      expect(await settings.putGroup(3, { version: 0, name: 'Team North' }, ann(1))).toEqual({
        ok: true,
        value: { version: 1, groupId: 3, name: 'Team North' },
      });
      // Bob also thought it new: refused with Ann's.
      expect(await settings.putGroup(3, { version: 0, name: 'North' }, bob(2))).toMatchObject({
        ok: false,
        reason: 'conflict',
        current: { name: 'Team North' },
      });
      expect(await settings.deleteGroup(3, 7, bob(3))).toMatchObject({ reason: 'conflict' });
      expect((await settings.deleteGroup(3, 1, ann(4))).ok).toBe(true);
      expect(await settings.putGroup(3, { version: 1, name: 'North' }, bob(5))).toEqual({
        ok: false,
        reason: 'conflict',
        current: null,
      });
      expect(await settings.deleteGroup(3, 1, bob(6))).toEqual({ ok: false, reason: 'missing' });
      expect(await settings.deleteQueueLimits(9, 0, bob(7))).toEqual({
        ok: false,
        reason: 'missing',
      });
    });

    it('changes made at once by two processes on the same data: exactly one wins, once audited', async () => {
      const a = await open();
      const b = await open(a.place);
      const base = (await a.settings.floorSettings()).limits;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? a : b).settings.putSiteLimits(
            { ...base, states: { rest: { warnSec: 600 + i, critSec: 900 + i } } },
            (i % 2 === 0 ? ann : bob)(10 + i),
          ),
        ),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const winner = won[0]!.ok ? won[0]!.value : null;
      for (const r of results.filter((x) => !x.ok))
        expect(r).toEqual({ ok: false, reason: 'conflict', current: winner });
      expect((await b.settings.floorSettings()).limits).toEqual(winner);
      expect((await a.settings.audit({ limit: 50 })).entries).toHaveLength(1);
    });

    it('lists queue limits, reasons and groups in number order', async () => {
      const { settings } = await open();
      for (const id of [100, 9, 10]) {
        await settings.putGroup(id, { version: 0, name: `Team ${id}` }, ann(id));
        await settings.putReason(id, { version: 0, name: `Reason ${id}`, limit: null }, ann(id));
        await settings.putQueueLimits(id, { version: 0, states: {}, kpi: {} }, ann(id));
      }
      const floor = await settings.floorSettings();
      expect(floor.groups.map((g) => g.groupId)).toEqual([9, 10, 100]);
      expect(floor.reasons.map((r) => r.code)).toEqual([9, 10, 100]);
      expect(floor.queueLimits.map((q) => q.skillId)).toEqual([9, 10, 100]);
      expect(floor.limits).toEqual({ version: 0, states: {}, kpi: NO_KPI });
    });

    it('records who changed what, when, before and after, newest first and paged', async () => {
      const { settings } = await open();
      await settings.putReason(12, { version: 0, name: 'Lunch', limit: null }, ann(100));
      await settings.putReason(
        12,
        { version: 1, name: 'Lunch', limit: { warnSec: 3000, critSec: 3600 } },
        bob(200),
      );
      await settings.putQueueLimits(
        4,
        {
          version: 0,
          states: { wrapup: { warnSec: 30, critSec: 60 } },
          kpi: { waiting: { warn: 5, crit: 10 } },
        },
        ann(300),
      );
      await settings.deleteReason(12, 2, ann(400));

      const page1 = await settings.audit({ limit: 2 });
      expect(page1.entries.map((e) => [e.action, e.actor, e.at, e.target])).toEqual([
        ['reason.delete', 'ann', 400, 'reason 12'],
        ['limits.queue.put', 'ann', 300, 'queue 4'],
      ]);
      expect(page1.entries[0]!.before).toMatchObject({ version: 2, limit: { warnSec: 3000 } });
      expect(page1.entries[0]!.after).toBeNull();
      expect(page1.nextBefore).toBe(page1.entries[1]!.id);
      const page2 = await settings.audit({ limit: 2, before: page1.nextBefore! });
      expect(page2.entries.map((e) => [e.action, e.actor])).toEqual([
        ['reason.put', 'bob'],
        ['reason.put', 'ann'],
      ]);
      expect(page2.entries[0]!.before).toEqual({
        version: 1,
        code: 12,
        name: 'Lunch',
        limit: null,
      });
      expect(page2.entries[0]!.after).toEqual({
        version: 2,
        code: 12,
        name: 'Lunch',
        limit: { warnSec: 3000, critSec: 3600 },
      });
      expect(page2.entries[1]!.before).toBeNull();
      expect(page2.nextBefore).toBeNull();
    });
  });

  describe.skipIf(adapter.skip)(`${adapter.name}: wall links, views and preferences`, () => {
    it('keeps only the token hash, finds the link by it and notes its last use', async () => {
      const { place, stores, settings } = await open();
      const token = newWallToken();
      const link = await settings.createWallLink(
        { name: 'Floor 2', queues: [1, 2], rotateSec: 20, lang: 'zh-CN', sound: true },
        hashWallToken(token),
        ann(10),
      );
      expect(link).toMatchObject({ version: 1, createdBy: 'ann', createdAt: 10, lastUsedAt: null });
      expect(await settings.useWallLink(hashWallToken('not-the-token-at-all'), 11)).toBeNull();
      expect(await settings.useWallLink(hashWallToken(token), 12)).toMatchObject({
        id: link.id,
        lastUsedAt: 12,
      });
      // The change keeps what only creation sets; a link that is gone is not brought back by one.
      const changed = await settings.putWallLink(
        link.id,
        {
          version: 1,
          name: 'Floor 2 east',
          queues: [2],
          rotateSec: null,
          lang: null,
          sound: false,
        },
        bob(13),
      );
      expect(changed).toMatchObject({
        ok: true,
        value: {
          version: 2,
          name: 'Floor 2 east',
          createdBy: 'ann',
          createdAt: 10,
          lastUsedAt: 12,
        },
      });
      await stores.close();
      const reopened = (await open(place)).settings;
      const audit = await reopened.audit({ limit: 10 });
      expect(JSON.stringify(audit)).not.toContain(hashWallToken(token));
      expect(JSON.stringify(audit)).not.toContain(token);
      expect((await reopened.deleteWallLink(link.id, 2, ann(14))).ok).toBe(true);
      expect(await reopened.useWallLink(hashWallToken(token), 15)).toBeNull();
      expect(
        await reopened.putWallLink(
          link.id,
          { version: 0, name: 'x', queues: '*', rotateSec: null, lang: null, sound: false },
          ann(16),
        ),
      ).toEqual({ ok: false, reason: 'missing' });
    });

    it('keeps saved views and preferences per user', async () => {
      const { settings } = await open();
      await settings.addView('ann', { id: 'v1', name: 'Billing', path: '/queues/1', createdAt: 1 });
      await settings.addView('bob', { id: 'v2', name: 'Mine', path: '/', createdAt: 2 });
      await settings.addView('ann', { id: 'v0', name: 'Early', path: '/wall', createdAt: 0 });
      expect((await settings.views('ann')).map((v) => v.id)).toEqual(['v0', 'v1']);
      expect(await settings.deleteView('bob', 'v1')).toBe(false);
      expect(await settings.deleteView('ann', 'v1')).toBe(true);
      expect(await settings.views('ann')).toEqual([
        { id: 'v0', name: 'Early', path: '/wall', createdAt: 0 },
      ]);
      expect(await settings.preferences('ann')).toEqual({ locale: null });
      await settings.putPreferences('ann', { locale: 'zh-CN' });
      expect(await settings.preferences('ann')).toEqual({ locale: 'zh-CN' });
      expect(await settings.preferences('bob')).toEqual({ locale: null });
    });
  });
}
