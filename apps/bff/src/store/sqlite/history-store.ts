// The SQLite adapter of the HistoryStore port: one row per queue and step, written in batches
// (one transaction per flush), read by queue and time, pruned by time.
import type { HistoryPoint } from '@floorwatch/contracts/api';
import type { AgentState } from '@floorwatch/contracts/gateway';
import type { SqlDatabase as Database } from './driver';
import { HISTORY_STATES as STATES } from '../history-columns';
import type { HistoryStore } from '../types';

type Row = Record<(typeof STATES)[number], number> & {
  skill_id: number;
  t: number;
  waiting: number | null;
  longest_wait_sec: number | null;
  service_level: number | null;
};

const toPoint = (r: Row): HistoryPoint => {
  const counts = {} as Record<AgentState, number>;
  for (const s of STATES) counts[s] = r[s];
  return {
    t: r.t,
    counts,
    waiting: r.waiting,
    longestWaitSec: r.longest_wait_sec,
    serviceLevel: r.service_level,
  };
};

/** SQLite binds at most 32,766 variables; queue lists are cut well below that. */
const ID_BATCH = 500;

export function createSqliteHistoryStore(db: Database): HistoryStore {
  const cols = ['skill_id', 't', ...STATES, 'waiting', 'longest_wait_sec', 'service_level'];
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO history_points (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  );
  const writeAll = db.transaction((rows: Parameters<HistoryStore['write']>[0]) => {
    for (const { skillId, point: p } of rows) {
      upsert.run(
        skillId,
        p.t,
        ...STATES.map((s) => p.counts[s] ?? 0),
        p.waiting,
        p.longestWaitSec,
        p.serviceLevel,
      );
    }
  });
  const readAll = db.prepare('SELECT * FROM history_points WHERE t BETWEEN ? AND ? ORDER BY t');
  const prune = db.prepare('DELETE FROM history_points WHERE t < ?');

  return {
    write(rows) {
      if (rows.length > 0) writeAll(rows);
      return Promise.resolve();
    },
    read({ from, to, skillIds }) {
      // Rows are grouped as they stream: a 4-hour read of a large floor is ~700k rows, too many
      // to collect in one array and spread.
      const bySkill = new Map<number, HistoryPoint[]>();
      const take = (rows: Iterable<unknown>) => {
        for (const r of rows as Iterable<Row>) {
          let points = bySkill.get(r.skill_id);
          if (!points) bySkill.set(r.skill_id, (points = []));
          points.push(toPoint(r));
        }
      };
      if (skillIds === undefined) take(readAll.iterate(from, to));
      else {
        const ids = [...new Set(skillIds)].sort((a, b) => a - b);
        for (let i = 0; i < ids.length; i += ID_BATCH) {
          const part = ids.slice(i, i + ID_BATCH);
          const stmt = db.prepare(
            `SELECT * FROM history_points WHERE skill_id IN (${part.map(() => '?').join(',')})
             AND t BETWEEN ? AND ? ORDER BY skill_id, t`,
          );
          take(stmt.iterate(...part, from, to));
        }
      }
      return Promise.resolve(
        [...bySkill].sort(([a], [b]) => a - b).map(([skillId, points]) => ({ skillId, points })),
      );
    },
    prune(before) {
      return Promise.resolve(Number(prune.run(before).changes));
    },
  };
}
