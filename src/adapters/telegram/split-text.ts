import { escapeHtml } from './html.js';

/** Telegram refuses a message longer than 4096 characters (after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits text into pieces whose HTML-escaped form fits `limit`, at line boundaries where it can,
 * then at spaces, then (a single huge word) between characters. Measured on the escaped form
 * so an `&amp;` never pushes a piece over the limit, and split before escaping so an entity is
 * never cut in half.
 */
export function splitText(text: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  const size = (s: string) => escapeHtml(s).length;
  if (size(text) <= limit) return [text];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') pieces.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (size(candidate) <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (size(line) <= limit) {
      current = line;
      continue;
    }
    for (const part of splitLongLine(line, limit, size)) {
      flush();
      current = part;
    }
  }
  flush();
  return pieces;
}

function splitLongLine(line: string, limit: number, size: (s: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (size(candidate) <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    current = '';
    if (size(word) <= limit) {
      current = word;
      continue;
    }
    // Code points, so an emoji's surrogate pair is never split.
    for (const ch of Array.from(word)) {
      if (size(current + ch) > limit) {
        parts.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}
