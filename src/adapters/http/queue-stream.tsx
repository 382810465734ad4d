import type { Request, Response } from 'express';
import { listHeld, listQueue } from '../../app/officer/list-queue.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { HandoffTicket } from '../../ports/handoff-repository.js';
import type { ConsoleLang } from './console-i18n.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { pollEventStream } from './event-stream.js';
import { renderFragment } from './views/html.js';
import { HeldRow, QueueRow } from './views/queue-row.js';

/**
 * The live queue as server-sent events (event-stream.ts): each connection re-reads the waiting
 * list every `queuePollMs` and sends it only when it changed: `ids` lets the page notice a new
 * waiting citizen (sound + notification), `html` is the rendered rows. The conversations the
 * officer holds come the same way as `mine` events, so one transferred to them appears.
 */
export function streamQueue(
  deps: OfficerHttpDeps,
  req: Request,
  res: Response,
  officer: OfficerActor,
  lang: ConsoleLang,
  csrf: string,
): void {
  const last = { queue: '', mine: '' };
  /** The event for `tickets` under `name`, or '' when the page has that list already. */
  const batch = (name: keyof typeof last, tickets: HandoffTicket[], row: (tk: HandoffTicket) => string) => {
    const ids = tickets.map((tk) => tk.id);
    if (ids.join(',') === last[name]) return '';
    last[name] = ids.join(',');
    return `event: ${name}\ndata: ${JSON.stringify({ ids, html: tickets.map(row).join('') })}\n\n`;
  };
  pollEventStream(req, res, {
    everyMs: deps.queuePollMs,
    onError: (err) => deps.logger.warn({ err }, 'queue stream read failed'),
    poll: async (stream) => {
      const [waiting, held] = await Promise.all([listQueue(deps, officer), listHeld(deps, officer)]);
      const now = deps.now();
      const out =
        batch('queue', waiting, (tk) =>
          renderFragment(<QueueRow lang={lang} csrf={csrf} ticket={tk} now={now} />),
        ) + batch('mine', held, (tk) => renderFragment(<HeldRow lang={lang} ticket={tk} now={now} />));
      stream.write(out || ': keep-alive\n\n');
    },
  });
}
