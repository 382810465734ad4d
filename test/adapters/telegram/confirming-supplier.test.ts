import { describe, expect, it } from '@jest/globals';
import type { Update } from 'grammy/types';
import { ConfirmingSupplier, type RunnerSignal } from '../../../src/adapters/telegram/confirming-supplier.js';
import { silentLogger } from './helpers.js';

/** A Telegram-like queue: an offset forgets every update below it. `chats` gives updates a chat. */
function fakeTelegram(ids: number[], chats: Record<number, number> = {}) {
  let pending = ids.map((update_id): Update =>
    chats[update_id] === undefined
      ? { update_id }
      : ({
          update_id,
          message: { message_id: update_id, date: 0, chat: { id: chats[update_id], type: 'private' } },
        } as Update),
  );
  const offsets: number[] = [];
  return {
    offsets,
    getUpdates: (args: { offset: number; limit: number }) => {
      offsets.push(args.offset);
      pending = pending.filter((u) => u.update_id >= args.offset);
      return Promise.resolve(pending.slice(0, args.limit));
    },
  };
}

const signal = new AbortController().signal as unknown as RunnerSignal;
const ids = (us: Update[]) => us.map((u) => u.update_id);

describe('ConfirmingSupplier', () => {
  it('should confirm an update only once it and every earlier one are done', async () => {
    const tg = fakeTelegram([10, 11, 12]);
    const s = new ConfirmingSupplier({ getUpdates: tg.getUpdates, logger: silentLogger, idleWaitMs: 5 });
    expect(ids(await s.supply(100, signal))).toEqual([10, 11, 12]);
    s.done(11);
    s.done(12);
    expect(s.offset).toBe(0);
    s.done(10);
    expect(s.offset).toBe(13);
  });

  it('should not hand out an update again while it is in flight, and retry a failed one after its delay', async () => {
    const tg = fakeTelegram([10, 11]);
    const s = new ConfirmingSupplier({
      getUpdates: tg.getUpdates,
      logger: silentLogger,
      idleWaitMs: 5,
      retryDelaysMs: [30],
    });
    expect(ids(await s.supply(100, signal))).toEqual([10, 11]);
    s.done(11);
    s.failed(10);
    const t0 = Date.now();
    expect(ids(await s.supply(100, signal))).toEqual([10]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    // Telegram was never told to forget 10 while it was unprocessed.
    expect(tg.offsets.every((o) => o <= 10)).toBe(true);
    s.done(10);
    expect(s.offset).toBe(12);
  });

  it('should never give an update up: after its last delay it is retried again and again', async () => {
    const tg = fakeTelegram([10, 11]);
    const s = new ConfirmingSupplier({
      getUpdates: tg.getUpdates,
      logger: silentLogger,
      idleWaitMs: 5,
      retryDelaysMs: [1, 2],
    });
    await s.supply(100, signal);
    s.done(11);
    // Far more failures than delays (a long database outage): still not confirmed.
    for (let i = 0; i < 12; i++) {
      s.failed(10);
      expect(ids(await s.supply(100, signal))).toEqual([10]);
    }
    expect(s.offset).toBe(0);
    expect(tg.offsets.every((o) => o <= 10)).toBe(true);
    s.done(10);
    expect(s.offset).toBe(12);
  });

  it('should keep a chat in order: its later updates wait while an earlier one waits for its retry', async () => {
    // Chat 1 sent 10, 12, 13; chat 2 sent 11.
    const tg = fakeTelegram([10, 11, 12, 13], { 10: 1, 11: 2, 12: 1, 13: 1 });
    const s = new ConfirmingSupplier({
      getUpdates: tg.getUpdates,
      logger: silentLogger,
      idleWaitMs: 5,
      retryDelaysMs: [20, 20],
    });
    expect(ids(await s.supply(100, signal))).toEqual([10, 11]);
    s.done(11);
    s.failed(10);
    // 12 and 13 are not handed out ahead of 10, whatever its retry needs.
    expect(ids(await s.supply(100, signal))).toEqual([10]);
    s.failed(10);
    expect(ids(await s.supply(100, signal))).toEqual([10]);
    s.done(10);
    expect(ids(await s.supply(100, signal))).toEqual([12]);
    s.done(12);
    expect(ids(await s.supply(100, signal))).toEqual([13]);
    s.done(13);
    expect(s.offset).toBe(14);
    expect(s.unfinished).toBe(0);
    expect(tg.offsets.every((o, i) => i === 0 || o >= tg.offsets[i - 1]!)).toBe(true);
  });
});
