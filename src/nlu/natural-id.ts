import { createRequire } from 'node:module';
import { stemEnglish } from './english.js';

/**
 * natural's Indonesian tokenizer and Sastrawi stemmer, loaded from their own files: the
 * package entry point loads dotenv (which prints a banner on stdout, breaking the CLI's JSON
 * lines) plus mongoose, pg and redis, and takes most of a second to import.
 */
const require = createRequire(import.meta.url);

interface Stemmer {
  stem(token: string): string;
}
interface Tokenizer {
  tokenize(text: string): string[];
}

let loaded: { stemmer: Stemmer; tokenizer: Tokenizer; roots: ReadonlySet<string> } | undefined;

function load(): NonNullable<typeof loaded> {
  if (!loaded) {
    const stemmer = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as Stemmer;
    const Tokenizer =
      require('natural/lib/natural/tokenizers/aggressive_tokenizer_id.js') as new () => Tokenizer;
    const words = require('natural/lib/natural/stemmers/indonesian/data/kata-dasar.json') as string[];
    loaded = { stemmer, tokenizer: new Tokenizer(), roots: new Set(words.filter(Boolean)) };
  }
  return loaded;
}

const stems = new Map<string, string>();
/** Enough for the whole chat vocabulary; the bound only stops a flood of junk words growing it. */
const MAX_MEMO = 50_000;

/** Sastrawi stem, memoised: the stemmer walks its rule tables on every call and chat vocabulary is small. */
export function stemId(token: string): string {
  let stem = stems.get(token);
  if (stem === undefined) {
    // Numbers, codes and our `<placeholder>` tokens are not Indonesian words; the stemmer would only mangle them.
    stem = /[\d<]/.test(token) || token.length < 4 ? token : load().stemmer.stem(token) || token;
    // A word the Indonesian stemmer left alone and no Indonesian root may be English.
    if (stem === token && token.length >= 4 && !load().roots.has(token)) stem = stemEnglish(token);
    if (stems.size >= MAX_MEMO) stems.clear();
    stems.set(token, stem);
  }
  return stem;
}

/** natural's `AggressiveTokenizerId`: splits on anything but a-z, 0-9 and '-'. */
export function tokenizeId(text: string): string[] {
  return load().tokenizer.tokenize(text);
}

/** Whether a word is an Indonesian root word in the stemmer's dictionary (about 30,000). */
export function isRootWord(word: string): boolean {
  return load().roots.has(word);
}
