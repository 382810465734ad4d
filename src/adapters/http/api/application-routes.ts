import type { Router } from 'express';
import { changeApplicationStatus } from '../../../app/officer/change-status.js';
import { getApplication } from '../../../app/officer/get-application.js';
import { listApplications } from '../../../app/officer/list-applications.js';
import { readDocument } from '../../../app/officer/read-document.js';
import { applicationFilter, applicationQuerySchema, statusChangeSchema } from '../api-schemas.js';
import { parseInput } from '../http-errors.js';
import { applicationSummary } from '../json-views.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { idParam } from '../params.js';
import { sendInline } from '../send-inline.js';
import { officerOf } from '../security.js';

/** `/api/applications`: search, one application, a status change, and its documents. */
export function applicationRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.get('/applications', async (req, res) => {
    const q = parseInput(applicationQuerySchema, req.query);
    const page = await listApplications(deps, officerOf(res), applicationFilter(q));
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
    sendInline(res, doc.meta, doc.bytes);
  });
}
