import { readFileSync } from 'node:fs';
import type { Router } from 'express';

/** The console's own CSS and JS, read once at start: the CSP allows no other source. */
const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'console.css': { type: 'text/css; charset=utf-8', body: asset('console.css') },
  'console.js': { type: 'text/javascript; charset=utf-8', body: asset('console.js') },
  'live.js': { type: 'text/javascript; charset=utf-8', body: asset('live.js') },
};

function asset(name: string): string {
  return readFileSync(new URL(`../assets/${name}`, import.meta.url), 'utf8');
}

/** Serves the console assets, before the session: the login page needs them too. */
export function registerAssetRoutes(router: Router): void {
  router.get('/assets/:file', (req, res) => {
    const file = ASSETS[req.params.file ?? ''];
    if (!file) return void res.status(404).end();
    res.type(file.type).set('Cache-Control', 'public, max-age=300').send(file.body);
  });
}
