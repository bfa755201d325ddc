// Liveness, readiness, Prometheus metrics and the OpenAPI document, for the orchestrator, the
// operator and integrators. None needs a sign-in (keep /metrics on the internal network).
import { Router } from 'express';
import type { GatewaySessionPort } from '../gateway/types';
import type { Metrics } from '../metrics';
import type { LiveData } from '../monitor/types';
import { openApiDocument } from './openapi';
import { readiness, type ReadinessCheck } from './readiness';

export type { ReadinessCheck } from './readiness';

export function opsRouter(deps: {
  session: GatewaySessionPort;
  live: LiveData;
  metrics: Metrics;
  /** Read on every request, so checks added after start-up count. */
  checks: readonly ReadinessCheck[];
}): Router {
  const r = Router();

  r.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  r.get('/readyz', (_req, res) => {
    const result = readiness(deps.checks, deps.session, deps.live);
    res
      .status(result.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(result.body);
  });

  r.get('/metrics', async (_req, res) => {
    const text = await deps.metrics.registry.metrics();
    res.set('Content-Type', deps.metrics.registry.contentType).send(text);
  });

  let openapi: string | null = null;
  r.get('/api/v1/openapi.json', (_req, res) => {
    openapi ??= JSON.stringify(openApiDocument());
    res.set('Cache-Control', 'no-cache').type('json').send(openapi);
  });

  return r;
}
