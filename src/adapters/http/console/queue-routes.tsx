import type { Router } from 'express';
import { readAvailability } from '../../../app/officer/availability.js';
import { listHeld, listQueue } from '../../../app/officer/list-queue.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { streamQueue } from '../queue-stream.js';
import { officerOf } from '../security.js';
import { Queue } from '../views/queue.js';
import type { ConsoleContext } from './context.js';

/** The live queue page and its event stream; the console opens on it. */
export function registerQueueRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, render, sec } = ctx;
  router.get('/', (_req, res) => res.redirect('/console/queue'));
  router.get('/queue', async (req, res) => {
    const lang = langOf(req);
    const [tickets, held, availability] = await Promise.all([
      listQueue(deps, officerOf(res)),
      listHeld(deps, officerOf(res)),
      readAvailability(deps, officerOf(res)),
    ]);
    render(req, res, t(lang, 'queue'), (csrf) => (
      <Queue
        lang={lang}
        csrf={csrf}
        tickets={tickets}
        held={held}
        now={deps.now()}
        availability={availability}
      />
    ));
  });
  router.get('/queue/stream', (req, res) =>
    streamQueue(deps, req, res, officerOf(res), langOf(req), sec.csrfToken(req, res)),
  );
}
