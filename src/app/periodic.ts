/** A background loop; `stop` waits for the run in flight. */
export interface PeriodicJob {
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs` (the first time after `firstDelayMs`) until stopped. A failed run
 * is reported, not fatal; a slow run is not stacked upon. Timers never keep the process alive.
 */
export function startPeriodic(
  run: () => Promise<void>,
  opts: { intervalMs: number; firstDelayMs?: number; onError: (err: unknown) => void },
): PeriodicJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = run()
      .catch(opts.onError)
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? opts.intervalMs);
  const timer = setInterval(tick, opts.intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
