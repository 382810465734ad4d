/**
 * Escapes text for Telegram's HTML parse mode. Citizen answers and catalog texts may contain
 * `<`, `>` or `&` (an address "Jl. A & B"); unescaped they make Telegram refuse the message.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
