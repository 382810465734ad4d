/** Thrown when the send queue is full: the caller answers "retry later" instead of piling up. */
export class SendQueueFullError extends Error {
  override readonly name = 'SendQueueFullError';
  constructor(readonly size: number) {
    super(`whatsapp send queue is full (${size} waiting)`);
  }
}

/** A FIFO queue that runs one send at a time with a pause between sends. */
export interface SendQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Sends waiting, for the health page and tests. */
  readonly size: number;
}

/** How fast the number sends. */
export interface SendQueueOptions {
  /** The smallest gap between two outgoing messages of the whole number. */
  minIntervalMs: number;
  /** Up to this much extra random gap, so the rhythm does not look like a machine's. */
  jitterMs?: number;
  /** Sends allowed to wait; more are refused (the outbox retries them later). */
  maxWaiting?: number;
  /** The clock the gaps are kept on (tests pass one they move themselves). */
  clock?: SendClock;
}

/** The time and the pause the queue uses. */
export interface SendClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: SendClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * One queue for every message the number sends (replies, status pushes, officer messages), in
 * order: an unofficial client that bursts dozens of messages a second is what gets numbers banned.
 * Order within a chat follows from the single FIFO.
 */
export function createSendQueue(opts: SendQueueOptions): SendQueue {
  const maxWaiting = opts.maxWaiting ?? 500;
  const clock = opts.clock ?? realClock;
  let tail: Promise<void> = Promise.resolve();
  let waiting = 0;
  let lastAt = 0;
  return {
    get size() {
      return waiting;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      if (waiting >= maxWaiting) return Promise.reject(new SendQueueFullError(waiting));
      waiting++;
      const result = tail.then(async () => {
        const gap = opts.minIntervalMs + Math.random() * (opts.jitterMs ?? 0);
        const wait = lastAt + gap - clock.now();
        if (wait > 0) await clock.sleep(wait);
        try {
          return await task();
        } finally {
          lastAt = clock.now();
          waiting--;
        }
      });
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
