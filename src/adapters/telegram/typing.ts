import type { Api } from 'grammy';

/** Telegram shows "typing" for about 5 seconds; resent until the work is done. */
const TYPING_EVERY_MS = 4500;

/**
 * Shows "typing..." while the use case works (NLU, database, a file download), so the citizen
 * knows the message arrived. Best effort: a failed chat action never fails the update.
 * Returns the function that stops it.
 */
export function startTyping(api: Api, chatId: number): () => void {
  const send = () => {
    api.sendChatAction(chatId, 'typing').catch(() => undefined);
  };
  send();
  const timer = setInterval(send, TYPING_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
