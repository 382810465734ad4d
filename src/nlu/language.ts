import type { MessageLanguage } from '../domain/understanding.js';
import { isRootWord, stemId } from './natural-id.js';
import { SLANG } from './slang.js';

/**
 * Which language one message is written in, from its marker words: "what are the requirements
 * for" is English, "syaratnya apa aja" Indonesian (Javanese, Sundanese and Betawi count as
 * Indonesian: the answer is the same). A message with no such word, or words both
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

/**
 * Indonesian function and chat words, and the commonest words of a request to the counter. Some
 * also name people and streets ("Jl. DI Panjaitan", "Kampung Baru"): one marker word never
 * decides, so such a name or address typed into an English conversation stays neutral.
 */
const INDONESIAN = new Set(
  (
    'yang ke dari dan atau dengan untuk pada dalam saya aku kamu anda kami kita dia mereka di ' +
    'mau ingin bisa boleh harus perlu apa apakah bagaimana berapa kapan dimana mana siapa kenapa ' +
    'mengapa sudah belum tidak bukan ada ini itu tadi nanti sekarang juga lagi saja sama buat ' +
    'urus tolong mohon kak kakak min dong deh sih nih kah lah kok gak nggak enggak udah aja ' +
    'banget terus kalau tapi karena jadi caranya syarat syaratnya biaya biayanya berkas hilang ' +
    'rusak bayar daftar terima kasih permisi selamat pagi siang sore malam hari buka tutup sampai ' +
    'baru lama gratis dulu yuk langsung kantor uang minta surat kartu akta akte anak bapak ibu'
  ).split(' '),
);

/**
 * Words both languages use, bare answers and place words: they never decide the language, so a
 * name, an address or a village typed into an English conversation keeps it English.
 */
const NEUTRAL = new Set(
  (
    'ok oke okay okey sip siap ya iya yes yup no nope y n hi hai hello halo hey thx ty tq cs admin ' +
    'menu status online jalan jl gang gg rt rw blok desa kelurahan kel kecamatan kec kabupaten kab ' +
    'kota provinsi perumahan komplek kampung dusun'
  ).split(' '),
);

/** Chat spellings that are English words themselves: no evidence of Indonesian. */
const ENGLISH_SPELLINGS = new Set(['check', 'hallo', 'helo', 'hy', 'ass']);

/**
 * Indonesian evidence: a function word, a chat spelling of Indonesian words ("sy", "gmn",
 * "kulo"), or a word whose Indonesian affixes strip to a root ("pengajuan", "disambungkan").
 */
function isIndonesian(word: string): boolean {
  if (INDONESIAN.has(word)) return true;
  const mapped = Object.hasOwn(SLANG, word) ? SLANG[word] : undefined;
  if (mapped !== undefined) return mapped !== '' && !NEUTRAL.has(mapped) && !ENGLISH_SPELLINGS.has(word);
  const stem = stemId(word);
  return stem !== word && isRootWord(stem);
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
 * Indonesian ones ("mau apply ktp" stays Indonesian); Indonesian needs two marker words and more
 * than the English ones; anything else, one lone word included, is neutral.
 */
export function detectLanguage(text: string): MessageLanguage {
  const { id, en } = countLanguageWords(text);
  if (en >= 2 && en >= 2 * id) return 'en';
  if (id >= 2 && id > en) return 'id';
  return 'neutral';
}
