/** What to do with one incoming message of a chat. */
export type RateDecision = 'ok' | 'warn' | 'drop';

/** Per-chat flood control. */
export interface ChatRateLimiter {
  check(chatId: string): RateDecision;
  /** Chats remembered now (bounded by `maxChats`). */
  readonly size: number;
}

/** How much one chat may send. */
export interface ChatRateLimitOptions {
  /** Messages a chat may send per window. */
  limit: number;
  windowMs: number;
  /** Chats remembered at most; the oldest windows are forgotten first. */
  maxChats?: number;
  now?: () => number;
}

/**
 * Stops one number (a broker, a script) from flooding the bot: within a window a chat may send
 * `limit` messages; the next one gets one polite notice (`warn`), the rest are ignored (`drop`)
 * until the window passes. Memory stays bounded however many numbers write.
 */
export function createChatRateLimiter(opts: ChatRateLimitOptions): ChatRateLimiter {
  const maxChats = opts.maxChats ?? 10_000;
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number; warned: boolean }>();
  const prune = (t: number) => {
    for (const [chat, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(chat);
    // Still too many live windows: forget the oldest (Map keeps insertion order).
    for (const chat of windows.keys()) {
      if (windows.size < maxChats) break;
      windows.delete(chat);
    }
  };
  return {
    get size() {
      return windows.size;
    },
    check(chatId) {
      const t = now();
      let w = windows.get(chatId);
      if (!w || t - w.start >= opts.windowMs) {
        windows.delete(chatId);
        if (windows.size >= maxChats) prune(t);
        w = { start: t, count: 0, warned: false };
        windows.set(chatId, w);
      }
      w.count++;
      if (w.count <= opts.limit) return 'ok';
      if (w.warned) return 'drop';
      w.warned = true;
      return 'warn';
    },
  };
}
