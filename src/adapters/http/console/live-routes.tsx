import type { Request, Router } from 'express';
import { z } from 'zod';
import { ticketFor } from '../../../app/officer/handoff-deps.js';
import { retryReply } from '../../../app/officer/retry-reply.js';
import { officerTyping } from '../../../app/officer/show-typing.js';
import { langOf } from '../console-render.js';
import { streamConversation } from '../conversation-stream.js';
import { parseInput } from '../http-errors.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import type { ConsoleContext } from './context.js';

/** A transcript line index, as the URL or the browser's Last-Event-ID carries it. */
const lineIndex = z.coerce.number().int().min(0).max(1_000_000);

/** Where the page's transcript ends: Last-Event-ID after a reconnect, else `?after=`, else nothing. */
const streamStart = z.object({
  after: z.coerce.number().int().min(-1).max(1_000_000).default(-1),
});

function startOf(req: Request): number {
  const resumed = req.get('Last-Event-ID');
  const after = resumed !== undefined && resumed !== '' ? resumed : req.query.after;
  return parseInput(streamStart, { after }).after;
}

/**
 * The live side of a conversation page: its event stream (new lines and reply delivery), sending
 * a failed reply again, and "typing…" for the citizen. Whoever may see the page may follow the
 * stream; sending and typing are for the officer holding the conversation.
 */
export function registerLiveRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, sec } = ctx;
  router.get('/handoffs/:id/stream', async (req, res) => {
    const ticket = await ticketFor(deps, officerOf(res), idParam(req));
    const after = startOf(req);
    streamConversation(deps, req, res, { ticket, after, lang: langOf(req), csrf: sec.csrfToken(req, res) });
  });
  router.post('/handoffs/:id/lines/:index/retry', async (req, res) => {
    const { index } = parseInput(z.object({ index: lineIndex }), { index: req.params.index });
    const r = await retryReply(deps, officerOf(res), idParam(req), index);
    res.redirect(303, `/console/handoffs/${r.ticket.id}${r.notified ? '' : '?flash=undelivered'}`);
  });
  router.post('/handoffs/:id/typing', async (req, res) => {
    const typing = deps.typing ?? (() => Promise.resolve());
    await officerTyping({ handoffs: deps.handoffs, typing }, officerOf(res), idParam(req));
    res.status(204).end();
  });
}
