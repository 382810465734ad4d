/** Keys whose take-backs wait for their next try; the items still failing are few. */
const OWED_KEPT = 1000;

/**
 * Take-backs of tries that the database refused (it went away mid-try), kept in memory and handed
 * back with the key's next recorded try, so an outage never counts as a try. Bounded: past
 * `kept` keys the one owed longest ago is dropped (its tries then count, which only parks sooner).
 * Shared by the webhook queue's tries and the Telegram update gate.
 */
export class OwedTakeBacks<K> {
  private readonly owed = new Map<K, number>();

  constructor(private readonly kept: number = OWED_KEPT) {}

  /**
   * Runs `record` (the write of the next try) with the take-backs owed to `key`; once it is
   * written only those are settled: a take-back owed meanwhile waits for the next try. A
   * failed `record` settles nothing.
   */
  async handBack<T>(key: K, record: (excused: number) => Promise<T>): Promise<T> {
    const excused = this.owed.get(key) ?? 0;
    const result = await record(excused);
    const left = (this.owed.get(key) ?? 0) - excused;
    if (left > 0) this.owed.set(key, left);
    else this.owed.delete(key);
    return result;
  }

  /** One more take-back the database refused; the key moves to the newest end. */
  owe(key: K): void {
    const n = (this.owed.get(key) ?? 0) + 1;
    this.owed.delete(key);
    this.owed.set(key, n);
    if (this.owed.size > this.kept) {
      const oldest = this.owed.keys().next().value;
      if (oldest !== undefined) this.owed.delete(oldest);
    }
  }

  /** The item is gone (handled or parked): nothing is owed to it any more. */
  forget(key: K): void {
    this.owed.delete(key);
  }
}
