// The HA tests' rig: the simulator, a real redis-server and real BFF replicas (the compiled
// build, as production runs it) sharing one gateway account, all stopped at the end.
import { startSimulator } from '@floorwatch/gateway-sim';
import { testWebDist, writeUsersFile } from '../component/harness';
import { BFF_ENTRY, bffEnv, buildBff, run, type Proc } from '../process/support';
import { startRedis, type RedisServer } from './redis-server';

export interface Replica {
  proc: Proc;
  url: string;
}

export interface HaRig {
  sim: Awaited<ReturnType<typeof startSimulator>>;
  redis: RedisServer;
  /** A new replica on the shared account; resolves once it listens. */
  startReplica(): Promise<Replica>;
  close(): Promise<void>;
}

export async function startHaRig(workno: string): Promise<HaRig> {
  buildBff();
  const sim = await startSimulator({
    scenario: 'small',
    pollHoldMs: 400,
    rateLimit: { max: 20, windowMs: 2000 },
  });
  const redis = await startRedis();
  const usersFile = await writeUsersFile();
  const procs: Proc[] = [];
  return {
    sim,
    redis,
    async startReplica() {
      const proc = run(process.execPath, ['--enable-source-maps', BFF_ENTRY], {
        env: bffEnv({
          simUrl: sim.url,
          workno,
          usersFile,
          webDist: testWebDist(),
          extra: { REDIS_URL: redis.url, FLOORWATCH_LEADER_TTL_MS: '1000' },
        }),
      });
      procs.push(proc);
      return { proc, url: await proc.url() };
    },
    async close() {
      for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await Promise.all(procs.map((p) => p.exited));
      await redis.stop();
      await sim.close();
    },
  };
}
