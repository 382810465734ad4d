/**
 * One-shot timers by name, as the connection machine asks for them: setting a name again
 * replaces the earlier timer, so at most one of each kind is pending. They never keep the
 * process alive.
 */
export class NamedTimers<N extends string> {
  private readonly timers = new Map<N, NodeJS.Timeout>();

  constructor(private readonly fire: (name: N) => void) {}

  set(name: N, ms: number): void {
    this.clear(name);
    const timer = setTimeout(() => {
      this.timers.delete(name);
      this.fire(name);
    }, ms);
    timer.unref();
    this.timers.set(name, timer);
  }

  clear(name: N): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }
}
