import express, { type Request, type Router } from 'express';
import { issueApiToken } from '../../app/officer/api-tokens.js';
import { changeApplicationStatus } from '../../app/officer/change-status.js';
import { claimHandoff } from '../../app/officer/claim-handoff.js';
import { closeHandoff } from '../../app/officer/close-handoff.js';
import { createOfficer, publicOfficer } from '../../app/officer/create-officer.js';
import { OfficerActionError } from '../../app/officer/errors.js';
import { getApplication } from '../../app/officer/get-application.js';
import { ticketFor } from '../../app/officer/handoff-deps.js';
import { listApplications } from '../../app/officer/list-applications.js';
import { listQueue } from '../../app/officer/list-queue.js';
import { actorOf } from '../../app/officer/officer-actor.js';
import { readDocument } from '../../app/officer/read-document.js';
import { releaseHandoff } from '../../app/officer/release-handoff.js';
import { replyHandoff } from '../../app/officer/reply-handoff.js';
import { isWithinOffice, officesInScope } from '../../app/officer/scope.js';
import { applicationQuerySchema, newOfficerSchema, replySchema, statusChangeSchema } from './api-schemas.js';
import { apiErrorHandler, parseInput, sendError } from './http-errors.js';
import { applicationSummary, handoffSummary } from './json-views.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { buildOpenApi } from './openapi.js';
import { createAdminApiRouter } from './admin-router.js';
import { createDashboardApiRouter } from './dashboard-router.js';
import { officerOf, officerSecurity, requireOfficer, requireRole } from './security.js';

/** An id from the URL; anything that cannot be an id is simply not found. */
function idParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) {
    throw new OfficerActionError('not_found', 'Data tidak ditemukan (not found).');
  }
  return value;
}

/** Start of a day in Jakarta time (WIB, UTC+7): officers mean their own calendar day. */
function wibDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000);
}

/**
 * The JSON API under `/api`: applications, status changes, documents, the handoff queue and
 * officer accounts, over the same use cases as the console. Session requests need a CSRF token
 * (`x-csrf-token`) for state changes; bearer-token requests do not.
 */
export function createApiRouter(deps: OfficerHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();
  router.use(express.json({ limit: '100kb' }));
  router.use(...sec.session, sec.identify, requireOfficer, sec.csrf);

  router.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  router.get('/csrf-token', (req, res) => {
    res.json({ token: sec.csrfToken(req, res) });
  });
  router.get('/me', (_req, res) => {
    res.json({ officer: officerOf(res) });
  });
  router.post('/me/tokens', async (_req, res) => {
    const token = await issueApiToken(deps, officerOf(res));
    res.status(201).json({ token, note: 'Simpan sekarang: token hanya ditampilkan sekali (shown once).' });
  });

  router.get('/applications', async (req, res) => {
    const q = parseInput(applicationQuerySchema, req.query);
    const page = await listApplications(deps, officerOf(res), {
      ...(q.service ? { serviceId: q.service } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.office ? { officeId: q.office } : {}),
      overdue: q.overdue === 'true',
      ...(q.from ? { from: wibDay(q.from) } : {}),
      ...(q.to ? { to: wibDay(q.to, 1) } : {}),
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    const now = deps.now();
    res.json({ items: page.items.map((a) => applicationSummary(a, now)), total: page.total });
  });
  router.get('/applications/:id', async (req, res) => {
    const detail = await getApplication(deps, officerOf(res), idParam(req, 'id'));
    res.json(detail);
  });
  router.post('/applications/:id/status', async (req, res) => {
    const body = parseInput(statusChangeSchema, req.body);
    const { application, notified } = await changeApplicationStatus(deps, officerOf(res), {
      applicationId: idParam(req, 'id'),
      to: body.to,
      ...(body.note ? { note: body.note } : {}),
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
      ...(body.revision ? { revision: body.revision } : {}),
      ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
    });
    res.json({ application: applicationSummary(application, deps.now()), notified });
  });
  router.get('/applications/:id/documents/:docId', async (req, res) => {
    const doc = await readDocument(deps, officerOf(res), idParam(req, 'id'), idParam(req, 'docId'));
    res.set({
      'Content-Type': doc.meta.contentType,
      'Content-Length': String(doc.bytes.length),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.meta.filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      // A PDF or image opened from here must not run scripts against the console's origin.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    });
    res.end(doc.bytes);
  });

  router.get('/handoffs', async (_req, res) => {
    const now = deps.now();
    res.json({ items: (await listQueue(deps, officerOf(res))).map((t) => handoffSummary(t, now)) });
  });
  router.get('/handoffs/:id', async (req, res) => {
    const ticket = await ticketFor(deps, officerOf(res), idParam(req, 'id'));
    res.json({ handoff: handoffSummary(ticket, deps.now()), transcript: ticket.transcript });
  });
  router.post('/handoffs/:id/claim', async (req, res) => {
    const r = await claimHandoff(deps, officerOf(res), idParam(req, 'id'));
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });
  router.post('/handoffs/:id/reply', async (req, res) => {
    const { text } = parseInput(replySchema, req.body);
    const r = await replyHandoff(deps, officerOf(res), idParam(req, 'id'), text);
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });
  router.post('/handoffs/:id/release', async (req, res) => {
    const r = await releaseHandoff(deps, officerOf(res), idParam(req, 'id'));
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });
  router.post('/handoffs/:id/close', async (req, res) => {
    const r = await closeHandoff(deps, officerOf(res), idParam(req, 'id'));
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });

  router.get('/officers', requireRole('admin'), async (_req, res) => {
    const officer = officerOf(res);
    const list = await deps.officers.list(await officesInScope(deps.offices, officer));
    res.json({ items: list.map(publicOfficer) });
  });
  router.post('/officers', requireRole('admin'), async (req, res) => {
    const body = parseInput(newOfficerSchema, req.body);
    const admin = officerOf(res);
    if (!isWithinOffice(body.officeId, admin.officeId)) {
      return sendError(
        res,
        403,
        'forbidden',
        'Kantor petugas baru harus di wilayah Anda (outside your office).',
      );
    }
    res.status(201).json({ officer: await createOfficer(deps, body, actorOf(admin)) });
  });

  // Supervisor metrics/audit/deliveries and admin account routes (dashboard-router.ts, admin-router.ts).
  router.use(createDashboardApiRouter(deps));
  router.use(createAdminApiRouter(deps));

  router.use((_req, res) => sendError(res, 404, 'not_found', 'Alamat API tidak ditemukan (not found).'));
  router.use(apiErrorHandler(sec.isCsrfError, (err) => deps.logger.error({ err }, 'API request failed')));
  return router;
}
