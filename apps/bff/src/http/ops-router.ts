// Liveness, readiness and Prometheus metrics for the orchestrator and the operator.
import type { ErrorBody } from '@floorwatch/contracts/api';
import { Router } from 'express';
import type { GatewaySessionPort } from '../gateway/types';
import type { Metrics } from '../metrics';
import type { LiveData } from '../monitor/types';

export function opsRouter(deps: {
  session: GatewaySessionPort;
  live: LiveData;
  metrics: Metrics;
}): Router {
  const r = Router();

  r.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  // Ready means "what a screen would show is live": signed in to the gateway and fresh data.
  r.get('/readyz', (_req, res) => {
    const s = deps.session.status();
    const h = deps.live.health();
    const reasons: string[] = [];
    if (s.state !== 'signed-in') reasons.push(`gateway session is ${s.state}`);
    if (h.status !== 'ok') reasons.push(`data is ${h.status}`);
    const err = h.error ?? s.error;
    if (reasons.length > 0 && err) reasons.push(`last gateway error ${err.code}: ${err.message}`);
    res.set('Cache-Control', 'no-store');
    if (reasons.length === 0) {
      res.json({ status: 'ready', lastSuccessAt: h.lastSuccessAt });
      return;
    }
    const body: ErrorBody = {
      error: { code: 'NOT_READY', message: reasons.join('; '), details: { reasons } },
    };
    res.status(503).json(body);
  });

  r.get('/metrics', async (_req, res) => {
    const text = await deps.metrics.registry.metrics();
    res.set('Content-Type', deps.metrics.registry.contentType).send(text);
  });

  return r;
}
