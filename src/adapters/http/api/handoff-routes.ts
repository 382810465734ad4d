import type { Router } from 'express';
import { claimHandoff } from '../../../app/officer/claim-handoff.js';
import { ticketFor } from '../../../app/officer/handoff-deps.js';
import { listQueue } from '../../../app/officer/list-queue.js';
import { releaseHandoff } from '../../../app/officer/release-handoff.js';
import { replyHandoff } from '../../../app/officer/reply-handoff.js';
import { notesView } from './handoff-flow-routes.js';
import { replySchema } from '../api-schemas.js';
import { parseInput } from '../http-errors.js';
import { handoffSummary } from '../json-views.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';

/** `/api/handoffs`: the officer queue and one conversation's claim, reply and release (close: handoff-flow-routes.ts). */
export function handoffRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.get('/handoffs', async (_req, res) => {
    const now = deps.now();
    res.json({ items: (await listQueue(deps, officerOf(res))).map((t) => handoffSummary(t, now)) });
  });
  router.get('/handoffs/:id', async (req, res) => {
    const ticket = await ticketFor(deps, officerOf(res), idParam(req, 'id'));
    res.json({
      handoff: handoffSummary(ticket, deps.now()),
      transcript: ticket.transcript,
      notes: notesView(ticket),
    });
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
}
