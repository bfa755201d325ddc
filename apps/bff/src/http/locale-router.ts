// GET /api/v1/locale: the site's default language and time zone. Open to everyone: the sign-in
// screen needs them before a session exists, and they say nothing about the floor.
import type { SiteLocale } from '@floorwatch/contracts/api';
import { Router } from 'express';

export function localeRouter(site: SiteLocale): Router {
  const r = Router();
  r.get('/locale', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(site satisfies SiteLocale);
  });
  return r;
}
