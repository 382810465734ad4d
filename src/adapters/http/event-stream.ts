import type { Request, Response } from 'express';

/** What a poll writes to its stream, and how it ends the stream for good. */
export interface EventStream {
  write(chunk: string): void;
  /** Stops polling and closes the response, after `last` when given. */
  end(last?: string): void;
}

/** How a stream polls: every `everyMs`, never two reads at once, errors logged and polling on. */
export interface PollOptions {
  everyMs: number;
  /** How long a browser waits before reconnecting a dropped stream, when the page wants it said. */
  retryMs?: number;
  /** One read: writes what changed (or a keep-alive comment), or ends the stream. */
  poll: (stream: EventStream) => Promise<void>;
  onError: (err: unknown) => void;
}

/**
 * Server-sent events fed by polling the database: FerretDB has no change streams, so each
 * connection re-reads what it shows. Polls do not overlap; the stream stops when the browser
 * goes away or a poll ends it. The console's queue and conversation pages both follow one.
 */
export function pollEventStream(req: Request, res: Response, o: PollOptions): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  if (o.retryMs !== undefined) res.write(`retry: ${o.retryMs}\n\n`);
  let busy = false;
  const stream: EventStream = {
    write: (chunk) => res.write(chunk),
    end: (last) => {
      clearInterval(timer);
      res.end(last);
    },
  };
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await o.poll(stream);
    } catch (err) {
      o.onError(err);
    } finally {
      busy = false;
    }
  };
  // Declared before the first poll, which may end the stream (and so clear it).
  const timer = setInterval(() => void tick(), o.everyMs);
  void tick();
  req.on('close', () => clearInterval(timer));
}
