import type { MessageLanguage } from '../domain/understanding.js';
import { REGIONAL_SLANG } from './regional.js';
import { SLANG } from './slang.js';

/**
 * Which language one message is written in, from its function words: "what are the
 * for" is English, "syaratnya apa aja" Indonesian (Javanese, Sundanese and Betawi
 * count as Indonesian: the answer is the same). A message with no such word, or words both
 * languages use ("ok", "2", a NIK, a tracking number, "ktp"), is neutral: it says nothing about
 * the language to answer in.
 */

/** English words that carry no content: rare in Indonesian chat, frequent in any English sentence. */
const ENGLISH = new Set(
  (
    "the a an is are am was were be been i im i'm my me you your we our they their he she it its " +
    'this that these those there here to for of in on at with from about by into and or but not ' +
    "don't dont doesn't can't cannot do does did can could would will should shall may might must " +
    'have has had get got want wanna need needs like please what whats how when where why which who ' +
    'whom if then than so just also any some anything something much many more thank thanks ' +
    'yet already still again now today tomorrow yesterday ' +
    'good morning afternoon evening anybody someone'
  ).split(' '),
);

/** Indonesian function and chat words; every slang spelling counts too (see `isIndonesian`). */
const INDONESIAN = new Set(
  (
    'yang di ke dari dan atau dengan untuk pada dalam saya aku kamu anda kami kita dia mereka ' +
    'mau ingin bisa boleh harus perlu apa apakah bagaimana berapa kapan dimana mana siapa kenapa ' +
    'mengapa sudah belum tidak bukan ada ini itu tadi nanti sekarang juga lagi saja sama buat bikin ' +
    'urus tolong mohon kak kakak min mas mbak pak bu bapak ibu dong deh sih nih kah lah ya iya kok ' +
    'gak nggak enggak udah aja banget terus kalau tapi karena jadi gimana caranya syarat syaratnya ' +
    'biaya biayanya lama berkas surat kartu akta akte bayar daftar hilang rusak baru anak terima kasih ' +
    'makasih selamat pagi siang sore malam permisi halo'
  ).split(' '),
);

/** Words both languages use, or bare answers: they never decide the language. */
const NEUTRAL = new Set(
  'ok oke okay okey sip siap ya iya yes yup no nope y n hi hai hello halo hey thx ty tq cs admin menu status online'.split(
    ' ',
  ),
);

/** Chat spellings that are English themselves ("hello", "check"): no evidence of Indonesian. */
const ENGLISH_SLANG = new Set([
  'check',
  'hello',
  'hallo',
  'helo',
  'hi',
  'hy',
  'thx',
  'ty',
  'tq',
  'ok',
  'okay',
  'okey',
  'no',
  'ass',
]);

function isIndonesian(word: string): boolean {
  if (INDONESIAN.has(word) || Object.hasOwn(REGIONAL_SLANG, word)) return true;
  return Object.hasOwn(SLANG, word) && !ENGLISH_SLANG.has(word);
}

/** How many words of each language a message holds. */
export interface LanguageCounts {
  id: number;
  en: number;
  /** Words of letters in the message, whatever their language. */
  words: number;
}

/** Counts the Indonesian and English marker words of a message. */
export function countLanguageWords(text: string): LanguageCounts {
  const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  let id = 0;
  let en = 0;
  for (const word of words) {
    if (NEUTRAL.has(word)) continue;
    if (ENGLISH.has(word)) en += 1;
    else if (isIndonesian(word)) id += 1;
  }
  return { id, en, words: words.length };
}

/**
 * The language of one message: English needs two English marker words and twice as many as
 * Indonesian ones ("mau apply ktp" stays Indonesian); Indonesian needs one marker word and more
 * than the English ones; anything else is neutral.
 */
export function detectLanguage(text: string): MessageLanguage {
  const { id, en } = countLanguageWords(text);
  if (en >= 2 && en >= 2 * id) return 'en';
  if (id >= 1 && id > en) return 'id';
  return 'neutral';
}
