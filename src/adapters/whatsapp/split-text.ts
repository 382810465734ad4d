/**
 * The longest piece we send as one WhatsApp message. WhatsApp accepts far more (65,536), but
 * phones fold long messages behind "Baca selengkapnya" and older phones render them slowly.
 */
export const WHATSAPP_TEXT_LIMIT = 4000;

/**
 * Splits text into pieces of at most `limit` characters, at line breaks where it can, then at
 * spaces, then (one huge word) between code points, so an emoji is never cut in half.
 */
export function splitText(text: string, limit: number = WHATSAPP_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') pieces.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (line.length <= limit) {
      current = line;
      continue;
    }
    for (const part of splitLongLine(line, limit)) {
      flush();
      current = part;
    }
  }
  flush();
  return pieces;
}

function splitLongLine(line: string, limit: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    current = '';
    if (word.length <= limit) {
      current = word;
      continue;
    }
    for (const ch of Array.from(word)) {
      if ((current + ch).length > limit) {
        parts.push(current);
        current = '';
      }
      current += ch;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}
