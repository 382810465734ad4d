import type { Router } from 'express';
import type { z } from 'zod';
import { closeHandoff } from '../../../app/officer/close-handoff.js';
import { handBackHandoff } from '../../../app/officer/hand-back-handoff.js';
import { noteHandoff } from '../../../app/officer/note-handoff.js';
import { transferHandoff } from '../../../app/officer/transfer-handoff.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { closeSchema, noteSchema, type noteViewSchema, transferSchema } from '../handoff-flow-schemas.js';
import { parseInput } from '../http-errors.js';
import { handoffSummary } from '../json-views.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';

/** A ticket's internal notes as JSON (dates as ISO strings). */
export function notesView(t: HandoffTicket): Array<z.infer<typeof noteViewSchema>> {
  return (t.notes ?? []).map((n) => ({ ...n, at: n.at.toISOString() }));
}

/**
 * `/api/handoffs/{id}`: the officer's workspace actions: internal notes, transfer, hand back to
 * the bot, and close with a resolution.
 */
export function handoffFlowRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.post('/handoffs/:id/notes', async (req, res) => {
    const { text } = parseInput(noteSchema, req.body);
    const ticket = await noteHandoff(deps, officerOf(res), idParam(req, 'id'), text);
    res.json({ handoff: handoffSummary(ticket, deps.now()), notes: notesView(ticket) });
  });
  router.post('/handoffs/:id/transfer', async (req, res) => {
    const body = parseInput(transferSchema, req.body);
    const r = await transferHandoff(deps, officerOf(res), idParam(req, 'id'), body);
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });
  router.post('/handoffs/:id/hand-back', async (req, res) => {
    const r = await handBackHandoff(deps, officerOf(res), idParam(req, 'id'));
    res.json({ handoff: handoffSummary(r.ticket, deps.now()), notified: r.notified });
  });
  router.post('/handoffs/:id/close', async (req, res) => {
    const { resolution } = parseInput(closeSchema, req.body);
    const r = await closeHandoff(deps, officerOf(res), idParam(req, 'id'), resolution);
    res.json({
      handoff: handoffSummary(r.ticket, deps.now()),
      resolution: r.ticket.resolution,
      notified: r.notified,
    });
  });
}
