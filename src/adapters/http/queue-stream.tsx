import type { Request, Response } from 'express';
import { listQueue } from '../../app/officer/list-queue.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { ConsoleLang } from './console-i18n.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { renderFragment } from './views/html.js';
import { QueueRow } from './views/queue-row.js';

/**
 * The live queue as server-sent events. FerretDB has no change streams, so each connection
 * re-reads the waiting list every `queuePollMs` and sends it only when it changed: `ids` lets
 * the page notice a new waiting citizen (sound + notification), `html` is the rendered rows.
 */
export function streamQueue(
  deps: OfficerHttpDeps,
  req: Request,
  res: Response,
  officer: OfficerActor,
  lang: ConsoleLang,
  csrf: string,
): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  let last = '';
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const tickets = await listQueue(deps, officer);
      const now = deps.now();
      const signature = tickets.map((tk) => tk.id).join(',');
      if (signature !== last) {
        last = signature;
        const html = tickets
          .map((tk) => renderFragment(<QueueRow lang={lang} csrf={csrf} ticket={tk} now={now} />))
          .join('');
        res.write(`event: queue\ndata: ${JSON.stringify({ ids: tickets.map((tk) => tk.id), html })}\n\n`);
      } else res.write(': keep-alive\n\n');
    } catch (err) {
      deps.logger.warn({ err }, 'queue stream read failed');
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), deps.queuePollMs);
  req.on('close', () => clearInterval(timer));
}
