import express, { type Router } from 'express';
import {
  issueTokenFor,
  listOffices,
  resetOfficerPassword,
  revokeTokensFor,
  setOfficerActive,
} from '../../app/officer/manage-officers.js';
import { consoleRenderer } from './console-render.js';
import { idParam } from './params.js';
import { requireRolePage } from './dashboard-router.js';
import { parseInput } from './http-errors.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { agenciesPage } from './routes/supervisor/agencies-page.js';
import { holidaysPage } from './routes/supervisor/holidays-page.js';
import { officeEditPage } from './routes/supervisor/office-edit-page.js';
import { officerTokensPage } from './routes/supervisor/officer-tokens-page.js';
import { officersPage } from './routes/supervisor/officers-page.js';
import { officesPage } from './routes/supervisor/offices-page.js';
import { officerOf, requireRole } from './security.js';
import { officerActiveSchema, officesQuerySchema, passwordResetSchema } from './supervisor-schemas.js';

/**
 * Admin pages under `/console/admin` (admins only; everyone else gets 403), one route module each:
 * accounts (create, disable/enable, reset password), an account's API tokens, the office
 * list and the agencies (dinas). An office's own page (`/offices/:id`) and the holidays (`/holidays`) are also here:
 * supervisors read them, admins edit them.
 */
export function createAdminConsoleRouter(deps: OfficerHttpDeps): Router {
  const render = consoleRenderer(deps);
  const router = express.Router();
  router.use('/admin', requireRolePage('admin'));
  for (const page of [
    officersPage,
    officerTokensPage,
    officesPage,
    officeEditPage,
    holidaysPage,
    agenciesPage,
  ])
    router.use(page(deps, render));
  return router;
}

/**
 * Admin routes of the API (admins only): enable/disable, reset password, issue and revoke API
 * tokens of an officer, and the office list. `GET/POST /officers` stay in api-router.ts.
 */
export function createAdminApiRouter(deps: OfficerHttpDeps): Router {
  const router = express.Router();
  const admins = requireRole('admin');

  router.post('/officers/:id/active', admins, async (req, res) => {
    const { active } = parseInput(officerActiveSchema, req.body);
    res.json({ officer: await setOfficerActive(deps, officerOf(res), idParam(req), active) });
  });
  router.post('/officers/:id/password', admins, async (req, res) => {
    const { password } = parseInput(passwordResetSchema, req.body);
    res.json({ officer: await resetOfficerPassword(deps, officerOf(res), idParam(req), password) });
  });
  router.post('/officers/:id/tokens', admins, async (req, res) => {
    const token = await issueTokenFor(deps, officerOf(res), idParam(req));
    res.status(201).json({ token, note: 'Simpan sekarang: token hanya ditampilkan sekali (shown once).' });
  });
  router.post('/officers/:id/tokens/revoke', admins, async (req, res) => {
    res.json({ revoked: await revokeTokensFor(deps, officerOf(res), idParam(req)) });
  });
  router.get('/offices', admins, async (req, res) => {
    const q = parseInput(officesQuerySchema, req.query);
    const result = await listOffices(deps, officerOf(res), {
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    res.json({
      items: result.items.map((o) => ({ id: o.id, name: o.name, level: o.level, parentId: o.parentId })),
      total: result.total,
    });
  });
  return router;
}
