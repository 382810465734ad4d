/**
 * Escapes text for Telegram's HTML parse mode. Citizen answers and catalog texts may contain
 * `<`, `>` or `&` (an address "Jl. A & B"); unescaped they make Telegram refuse the message.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Catalog texts mark emphasis the WhatsApp way (`*GRATIS*`); Telegram's HTML mode would show
 * the asterisks. Only a pair around a word run counts (opening `*` after a space or the start,
 * closing one before a space or punctuation), so a masked NIK `************0006` stays as it is.
 */
const BOLD = /(^|[\s(])\*([^\s*](?:[^*\n]*[^\s*])?)\*(?=$|[\s.,:;!?)])/gm;

/** Text as Telegram HTML: escaped, with `*bold*` as `<b>bold</b>`. */
export function toTelegramHtml(text: string): string {
  return escapeHtml(text).replace(BOLD, '$1<b>$2</b>');
}
