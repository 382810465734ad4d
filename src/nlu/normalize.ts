import { resolveKk } from './kk.js';
import { isRootWord, stemId, tokenizeId } from './natural-id.js';
import { DOMAIN_WORDS, SLANG } from './slang.js';

/**
 * Turns a chat message into the tokens the classifier and keyword matcher read: the same
 * words whatever the spelling ("gmnaaa cr bikin ktp??" and "Bagaimana cara membuat KTP"
 * meet). Numbers and codes become placeholders (`<uang>`, `<angka>`, `<nik>`, `<resi>`,
 * `<tanggal>`) because their value never says what the citizen wants, only their kind does.
 */

const TRACKING = /\bptsp[\s-]*\d{4}[\s-]*[a-z0-9]{5}\b/g;
const NIK = /(?<![\d])(?:\d[ .]?){15}\d(?![\d])/g;
const NUMERIC_DATE = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b/g;
const THOUSANDS = /(\d)[.,](?=\d{3}(?!\d))/g;
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  xresix: '<resi>',
  xnikx: '<nik>',
  xtanggalx: '<tanggal>',
};
const MONEY_UNITS = new Set(['rb', 'rbu', 'ribu', 'k', 'jt', 'jta', 'juta', 'rupiah', 'perak']);
const MONEY_TOKEN = /^(?:rp)?\d+(?:rb|rbu|ribu|k|jt|juta|an|ribuan|rban)$|^rp\d+$/;

/** Known spellings: a stretched word is shortened only towards one of these. */
function isKnown(word: string): boolean {
  return isRootWord(word) || word in SLANG || DOMAIN_WORDS.has(word);
}

/**
 * "bangeeet" -> "banget", "maaaf" -> "maaf", "pagii" -> "pagi"; "kk", "saat", "tidak" stay.
 * Three or more of a letter are always stretching; a double is shortened only when the
 * word is unknown and the shorter one is known.
 */
export function collapseRepeats(word: string): string {
  if (/(.)\1\1/.test(word)) {
    const single = word.replace(/(.)\1+/g, '$1');
    const double = word.replace(/(.)\1{2,}/g, '$1$1');
    if (isKnown(single) || !isKnown(double))
      return /(.)\1/.test(double) && !isKnown(single) ? collapseRepeats(double) : single;
    return double;
  }
  if (/(.)\1/.test(word) && !isKnown(word)) {
    for (let i = 1; i < word.length; i += 1) {
      if (word[i] === word[i - 1]) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (isKnown(shorter)) return shorter;
      }
    }
  }
  return word;
}

function mapToken(token: string, next: string | undefined, prev: string | undefined): string[] {
  // Own keys only: "constructor" or "__proto__" typed by a citizen must not find Object's members.
  const placeholder = Object.hasOwn(PLACEHOLDERS, token) ? PLACEHOLDERS[token] : undefined;
  if (placeholder) return [placeholder];
  if (/^\d+$/.test(token)) return [prev === 'rp' || MONEY_UNITS.has(next ?? '') ? '<uang>' : '<angka>'];
  if (MONEY_TOKEN.test(token)) return ['<uang>'];
  if (token === 'rp' && next !== undefined && /^\d/.test(next)) return [];
  // "anak2" is how chat writes the reduplicated plural "anak-anak".
  const doubled = /^([a-z]{2,})2$/.exec(token);
  if (doubled?.[1]) return [`${doubled[1]}-${doubled[1]}`];
  if (/\d/.test(token)) return [token];
  const word = collapseRepeats(token);
  // "ktpnya", "aktenya": split the enclitic off words we know so the slang map and keywords see them.
  const bare = isKnown(word) ? undefined : withoutEnclitic(word);
  if (bare !== undefined) return [...mapWord(bare), 'nya'];
  return mapWord(word);
}

/** "-nya" and its regional forms: Betawi "kantornye", Sundanese "kantorna", Javanese "kantore". */
const ENCLITICS = ['nya', 'nye', 'na', 'e'];

/** The known word before an enclitic, if the word is one plus an enclitic. */
function withoutEnclitic(word: string): string | undefined {
  if (word.length < 5) return undefined;
  for (const suffix of ENCLITICS) {
    const bare = word.slice(0, -suffix.length);
    // A short enclitic after a short word is more often part of the word itself.
    if (word.endsWith(suffix) && bare.length >= (suffix.length >= 3 ? 2 : 3) && isKnown(bare)) return bare;
  }
  return undefined;
}

function mapWord(word: string): string[] {
  const mapped = Object.hasOwn(SLANG, word) ? SLANG[word] : undefined;
  if (mapped === undefined) return [word];
  return mapped === '' ? [] : mapped.split(' ');
}

/** How to read a text that is not a chat message. */
export interface NormalizeOptions {
  /** Read every "kk" as Kartu Keluarga: for keyword lists, where "kk" names the card by definition. */
  kkIsCard?: boolean;
}

/** The message as normalised tokens, before stemming. */
export function normalizeTokens(text: string, options: NormalizeOptions = {}): string[] {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '');
  // A capitalised "KK" in a message not written in capitals names the family card.
  const upperKk = options.kkIsCard === true || (/\bKK\b/.test(plain) && plain !== plain.toUpperCase());
  const lower = plain
    .toLowerCase()
    .replace(TRACKING, ' xresix ')
    .replace(NIK, ' xnikx ')
    .replace(NUMERIC_DATE, ' xtanggalx ')
    .replace(THOUSANDS, '$1');
  const raw = tokenizeId(lower)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t !== '');
  const mapped = raw.flatMap((t, i) => mapToken(t, raw[i + 1], raw[i - 1]));
  return resolveKk(mapped, upperKk);
}

/** The normalised message as one string: handy for keyword matching and for reading in tests. */
export function normalize(text: string): string {
  return normalizeTokens(text).join(' ');
}

/** Normalised tokens and their Sastrawi stems, position by position. */
export interface Analysis {
  tokens: string[];
  stems: string[];
}

/** The full pipeline the classifier reads: normalise, then stem each token. */
export function analyse(text: string): Analysis {
  const tokens = normalizeTokens(text);
  return { tokens, stems: tokens.map(stemId) };
}
