/**
 * Loose text for matching what citizens type against menus and keywords: lower case, no
 * accents, punctuation as spaces, single spaces. Keeps `/` so "/bahasa" stays a command.
 */
export function loose(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/+ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
