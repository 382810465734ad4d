interface Waiter {
  resolve: (code: string) => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout;
}

/** Admins waiting for a pairing code, answered together when WhatsApp hands one out or fails. */
export interface PairingWaiters {
  /** Waits for the next code; rejects with the time-out error after `ms`. */
  wait(ms: number): Promise<string>;
  resolve(code: string): void;
  reject(err: unknown): void;
  /** Stops waiting (the request was refused before it was made). */
  cancel(waiting: Promise<string>): void;
}

/**
 * Lets an admin's request for a pairing code wait for the code without polling: the code comes
 * from WhatsApp later, as an event of the connection.
 */
export function createPairingWaiters(timedOut: () => Error): PairingWaiters {
  const waiting = new Map<Promise<string>, Waiter>();
  const settle = (fn: (w: Waiter) => void) => {
    for (const w of waiting.values()) {
      clearTimeout(w.timer);
      fn(w);
    }
    waiting.clear();
  };
  return {
    wait(ms) {
      let waiter: Waiter | undefined;
      const promise = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(promise);
          reject(timedOut());
        }, ms);
        timer.unref();
        waiter = { resolve, reject, timer };
      });
      // Handled by whoever awaits it; until then a failure must not count as unhandled.
      promise.catch(() => undefined);
      if (waiter) waiting.set(promise, waiter);
      return promise;
    },
    resolve: (code) => settle((w) => w.resolve(code)),
    reject: (err) => settle((w) => w.reject(err)),
    cancel(promise) {
      const w = waiting.get(promise);
      if (w) clearTimeout(w.timer);
      waiting.delete(promise);
    },
  };
}
