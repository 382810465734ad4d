import type { Router } from 'express';
import { claimHandoff } from '../../../app/officer/claim-handoff.js';
import { closeHandoff } from '../../../app/officer/close-handoff.js';
import { ticketFor } from '../../../app/officer/handoff-deps.js';
import { releaseHandoff } from '../../../app/officer/release-handoff.js';
import { replyHandoff } from '../../../app/officer/reply-handoff.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import { Conversation } from '../views/conversation.js';
import type { ConsoleContext } from './context.js';
import { conversationPageData } from './conversation-page.js';
import { answerForm, undeliveredOutcome } from './live-form.js';

/**
 * A conversation with a citizen: the page, and its forms (claim from the queue, reply, release
 * back to the queue, close). A plain form redirects, so a reload never posts twice; live.js
 * posts them in the background (live-form.ts), so the page is never reloaded.
 */
export function registerHandoffRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, render } = ctx;
  router.get('/handoffs/:id', async (req, res) => {
    const lang = langOf(req);
    const ticket = await ticketFor(deps, officerOf(res), idParam(req));
    const page = await conversationPageData(deps, officerOf(res), ticket, lang);
    const flash =
      req.query.flash === 'undelivered'
        ? { kind: 'error' as const, text: t(lang, 'notDelivered') }
        : req.query.flash === 'attached'
          ? { kind: 'ok' as const, text: t(lang, 'fileAttached') }
          : undefined;
    render(
      req,
      res,
      t(lang, 'conversation'),
      (csrf) => <Conversation lang={lang} csrf={csrf} ticket={ticket} {...page} />,
      flash ? { flash } : {},
    );
  });
  router.post('/handoffs/:id/claim', async (req, res) => {
    const r = await claimHandoff(deps, officerOf(res), idParam(req));
    res.redirect(303, `/console/handoffs/${r.ticket.id}`);
  });
  router.post('/handoffs/:id/reply', async (req, res) => {
    const text = (req.body as { text?: unknown }).text;
    const r = await replyHandoff(deps, officerOf(res), idParam(req), typeof text === 'string' ? text : '');
    answerForm(req, res, undeliveredOutcome(req, r));
  });
  router.post('/handoffs/:id/release', async (req, res) => {
    await releaseHandoff(deps, officerOf(res), idParam(req));
    answerForm(req, res, { location: '/console/queue', stay: false });
  });
  router.post('/handoffs/:id/close', async (req, res) => {
    await closeHandoff(deps, officerOf(res), idParam(req), (req.body as { resolution?: unknown }).resolution);
    answerForm(req, res, { location: '/console/queue', stay: false });
  });
}
