import type { Request, Router } from 'express';
import { z } from 'zod';
import { ticketFor } from '../../../app/officer/handoff-deps.js';
import { retryReply } from '../../../app/officer/retry-reply.js';
import { transferChoices } from '../../../app/officer/transfer-choices.js';
import { officerTyping } from '../../../app/officer/show-typing.js';
import { langOf } from '../console-render.js';
import { streamConversation } from '../conversation-stream.js';
import { parseInput } from '../http-errors.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import type { ConsoleContext } from './context.js';
import { answerForm, undeliveredOutcome } from './live-form.js';

/** A transcript line index, as the URL or the browser's Last-Event-ID carries it. */
const lineIndex = z.coerce.number().int().min(0).max(1_000_000);

/** Where the page's transcript ends: Last-Event-ID after a reconnect, else `?after=`, else nothing. */
const streamStart = z.object({
  after: z.coerce.number().int().min(-1).max(1_000_000).default(-1),
  notes: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

function startOf(req: Request): { after: number; notes: number } {
  const resumed = req.get('Last-Event-ID');
  const after = resumed !== undefined && resumed !== '' ? resumed : req.query.after;
  return parseInput(streamStart, { after, notes: req.query.notes });
}

/**
 * The live side of a conversation page: its event stream (new lines and reply delivery), sending
 * a failed reply again, and "typing…" for the citizen. Whoever may see the page may follow the
 * stream; sending and typing are for the officer holding the conversation.
 */
export function registerLiveRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, sec } = ctx;
  router.get('/handoffs/:id/stream', async (req, res) => {
    const officer = officerOf(res);
    const ticket = await ticketFor(deps, officer, idParam(req));
    streamConversation(deps, req, res, {
      ticket,
      ...startOf(req),
      lang: langOf(req),
      csrf: sec.csrfToken(req, res),
      noteNames: () => transferChoices(deps, officer, ticket),
    });
  });
  router.post('/handoffs/:id/lines/:index/retry', async (req, res) => {
    const { index } = parseInput(z.object({ index: lineIndex }), { index: req.params.index });
    const r = await retryReply(deps, officerOf(res), idParam(req), index);
    answerForm(req, res, undeliveredOutcome(req, r));
  });
  router.post('/handoffs/:id/typing', async (req, res) => {
    const typing = deps.typing ?? (() => Promise.resolve());
    await officerTyping({ handoffs: deps.handoffs, typing }, officerOf(res), idParam(req));
    res.status(204).end();
  });
}
