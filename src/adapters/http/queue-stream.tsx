import type { Request, Response } from 'express';
import { listQueue } from '../../app/officer/list-queue.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import type { ConsoleLang } from './console-i18n.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { pollEventStream } from './event-stream.js';
import { renderFragment } from './views/html.js';
import { QueueRow } from './views/queue-row.js';

/**
 * The live queue as server-sent events (event-stream.ts): each connection re-reads the waiting
 * list every `queuePollMs` and sends it only when it changed: `ids` lets
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
  let last = '';
  pollEventStream(req, res, {
    everyMs: deps.queuePollMs,
    onError: (err) => deps.logger.warn({ err }, 'queue stream read failed'),
    poll: async (stream) => {
      const tickets = await listQueue(deps, officer);
      const now = deps.now();
      const signature = tickets.map((tk) => tk.id).join(',');
      if (signature === last) return stream.write(': keep-alive\n\n');
      last = signature;
      const html = tickets
        .map((tk) => renderFragment(<QueueRow lang={lang} csrf={csrf} ticket={tk} now={now} />))
        .join('');
      stream.write(`event: queue\ndata: ${JSON.stringify({ ids: tickets.map((tk) => tk.id), html })}\n\n`);
    },
  });
}
