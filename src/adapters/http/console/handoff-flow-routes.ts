import type { Router } from 'express';
import { invalidInput } from '../../../app/officer/errors.js';
import { handBackHandoff } from '../../../app/officer/hand-back-handoff.js';
import { noteHandoff } from '../../../app/officer/note-handoff.js';
import { transferHandoff, type TransferRequest } from '../../../app/officer/transfer-handoff.js';
import { langOf } from '../console-render.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import type { ConsoleContext } from './context.js';
import { answerForm } from './live-form.js';

const TARGET = /^(officer|office):([0-9A-Za-z.]{1,32})$/;

/** The transfer form's one select (`officer:<id>` or `office:<id>`) and note, as the use case takes them. */
function transferRequest(body: Record<string, unknown>, lang: 'id' | 'en'): TransferRequest {
  const m = typeof body.target === 'string' ? TARGET.exec(body.target) : null;
  if (!m) {
    throw invalidInput(
      { target: lang === 'en' ? 'Choose an officer or an office.' : 'Pilih petugas atau kantor tujuan.' },
      lang,
    );
  }
  const note = typeof body.note === 'string' ? body.note : '';
  return m[1] === 'officer' ? { toOfficerId: m[2]!, note } : { toOfficeId: m[2]!, note };
}

/**
 * The conversation workspace's forms: an internal note, a transfer, a hand back to the bot.
 * A plain form redirects, so a reload never posts twice; live.js gets JSON (live-form.ts).
 */
export function registerHandoffFlowRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps } = ctx;
  router.post('/handoffs/:id/notes', async (req, res) => {
    const text = (req.body as { text?: unknown }).text;
    const ticket = await noteHandoff(
      deps,
      officerOf(res),
      idParam(req),
      typeof text === 'string' ? text : '',
    );
    answerForm(req, res, { location: `/console/handoffs/${ticket.id}#notes`, stay: true });
  });
  router.post('/handoffs/:id/transfer', async (req, res) => {
    const request = transferRequest(req.body as Record<string, unknown>, langOf(req));
    await transferHandoff(deps, officerOf(res), idParam(req), request);
    answerForm(req, res, { location: '/console/queue', stay: false });
  });
  router.post('/handoffs/:id/hand-back', async (req, res) => {
    await handBackHandoff(deps, officerOf(res), idParam(req));
    answerForm(req, res, { location: '/console/queue', stay: false });
  });
}
