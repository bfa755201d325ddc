// The CPU floor of a poll: fetching allonlineagents and reading its body into one Buffer with the
// BFF's own gateway client, and nothing else (no decode, no parse). Runs in a process of its own,
// so its CPU time is that and only that (the simulator runs in the harness process).
// Driven over IPC: measure → floor.
import { createGatewayClient } from '../../../apps/bff/src/gateway/gateway-client';

export interface FloorRequest {
  type: 'measure';
  gatewayUrl: string;
  agentId: string;
  password: string;
  repeats: number;
  /** Pause between fetches: stay inside the gateway's 5 calls per 2 s for this agent. */
  gapMs: number;
}

export type FloorReply =
  { type: 'floor'; cpuMs: number[]; bytes: number } | { type: 'failed'; error: string };

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(req: FloorRequest): Promise<FloorReply> {
  const client = createGatewayClient({ baseUrl: req.gatewayUrl });
  const signIn = await client.send({
    method: 'PUT',
    path: `/onlineagent/${req.agentId}/forceloginexwithoutphone`,
    body: { password: req.password },
    guid: null,
    timeoutMs: 30_000,
  });
  const guid = signIn.setGuid;
  if (!guid) throw new Error(`sign-in answered HTTP ${signIn.httpStatus} without a Guid`);
  const cpuMs: number[] = [];
  const buffers = [Buffer.alloc(0), Buffer.alloc(0)];
  let bytes = 0;
  try {
    for (let i = 0; i < req.repeats; i++) {
      await new Promise((r) => setTimeout(r, req.gapMs));
      const t = cpu();
      const ans = await client.send({
        method: 'GET',
        path: `/agentgroup/${req.agentId}/allonlineagents`,
        guid,
        timeoutMs: 30_000,
        // Takes the body as it is: the bytes are read (into one of two buffers used in turn, as
        // the BFF does), nothing is decoded or parsed.
        readBody: {
          buffer: (size) => {
            const k = i % 2;
            if (buffers[k]!.length < size) buffers[k] = Buffer.allocUnsafeSlow(size * 2);
            return buffers[k]!.subarray(0, size);
          },
          read: () => ({ envelope: { retcode: '0' }, body: null }),
        },
      });
      cpuMs.push(cpu() - t);
      bytes = ans.bytes.length;
    }
  } finally {
    await client
      .send({ method: 'DELETE', path: `/onlineagent/${req.agentId}/logout`, guid, timeoutMs: 5000 })
      .catch(() => undefined);
    client.close();
  }
  return { type: 'floor', cpuMs, bytes };
}

process.on('message', (raw: unknown) => {
  const msg = raw as FloorRequest;
  if (msg.type !== 'measure') return;
  measure(msg).then(
    (r) => process.send?.(r),
    (err: unknown) => process.send?.({ type: 'failed', error: String(err) } satisfies FloorReply),
  );
});

// The parent going away must never leave this process behind.
process.on('disconnect', () => process.exit(0));
