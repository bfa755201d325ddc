// Defaults the SPA needs before it can colour a duration, plus the release id wall displays
// watch to reload themselves after an upgrade.
import type { Settings, Thresholds } from '@floorwatch/contracts/api';
import { Router } from 'express';
import type { SessionStore } from '../auth/session-store';
import { requireAuth } from './auth-middleware';

export function settingsRouter(deps: {
  sessions: SessionStore;
  thresholds: Thresholds;
  pollMs: number;
  staleAfterMs: number;
  release: () => string;
}): Router {
  const r = Router();
  r.get('/settings', requireAuth(deps.sessions), (_req, res) => {
    const body: Settings = {
      thresholds: deps.thresholds,
      pollMs: deps.pollMs,
      staleAfterMs: deps.staleAfterMs,
      release: deps.release(),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return r;
}
