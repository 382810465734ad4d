/** Queues work per chat; `idle()` resolves when every piece queued so far is done. */
export interface ChatChains {
  enqueue(chatId: string, work: () => Promise<void>): void;
  idle(): Promise<void>;
}

/**
 * One chat's messages are handled in order (a citizen's second message must see what the first
 * left behind), different chats side by side. A piece of work that throws is reported and does
 * not hold up the chat's later messages; a chat's chain is forgotten once it has run dry.
 */
export function createChatChains(onError: (err: unknown) => void): ChatChains {
  const chains = new Map<string, Promise<void>>();
  return {
    enqueue(chatId, work) {
      const prev = chains.get(chatId) ?? Promise.resolve();
      const next = prev.then(work).catch(onError);
      chains.set(chatId, next);
      void next.then(() => {
        if (chains.get(chatId) === next) chains.delete(chatId);
      });
    },
    async idle() {
      // Work can queue more work while it runs: wait until no chain is left.
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
