import { loose } from './normalize.js';
import { privacyCommand } from './privacy-keywords.js';

/** Commands a citizen can type from anywhere; matched on the whole message only. */
export type KeywordCommand =
  | 'start'
  | 'menu'
  | 'cancel'
  | 'help'
  | 'officer'
  | 'status'
  | 'lang_id'
  | 'lang_en'
  | 'lang_toggle'
  | 'my_data'
  | 'delete_my_data';

const COMMANDS: Readonly<Record<string, KeywordCommand>> = {
  start: 'start',
  mulai: 'start',
  menu: 'menu',
  'menu utama': 'menu',
  'kembali ke menu': 'menu',
  'main menu': 'menu',
  batal: 'cancel',
  batalkan: 'cancel',
  cancel: 'cancel',
  ulang: 'cancel',
  ulangi: 'cancel',
  'mulai ulang': 'cancel',
  'mulai lagi': 'cancel',
  restart: 'cancel',
  stop: 'cancel',
  berhenti: 'cancel',
  bantuan: 'help',
  help: 'help',
  tolong: 'help',
  petugas: 'officer',
  operator: 'officer',
  cs: 'officer',
  admin: 'officer',
  officer: 'officer',
  agent: 'officer',
  'bicara dengan petugas': 'officer',
  'hubungi petugas': 'officer',
  'talk to officer': 'officer',
  'talk to an officer': 'officer',
  status: 'status',
  'cek status': 'status',
  'check status': 'status',
  english: 'lang_en',
  'english please': 'lang_en',
  'in english': 'lang_en',
  'bahasa inggris': 'lang_en',
  inggris: 'lang_en',
  indonesia: 'lang_id',
  'bahasa indonesia': 'lang_id',
  indonesian: 'lang_id',
  'indonesian please': 'lang_id',
  'in indonesian': 'lang_id',
  bahasa: 'lang_toggle',
  language: 'lang_toggle',
};

/**
 * The command a whole message is, if any ("batal", "/batal", "english please"). Only whole
 * messages count, so "saya batal nikah" in a text answer is not a cancel.
 */
export function keywordCommand(typed: string): KeywordCommand | undefined {
  const text = loose(typed);
  const bare = text.replace(/^\//, '');
  // Own keys only: "constructor" or "toString" typed by a citizen must not find Object's members.
  if (Object.hasOwn(COMMANDS, text)) return COMMANDS[text];
  if (Object.hasOwn(COMMANDS, bare)) return COMMANDS[bare];
  return privacyCommand(bare);
}

const YES = new Set([
  'ya',
  'iya',
  'iyaa',
  'iy',
  'y',
  'yes',
  'yup',
  'ok',
  'oke',
  'okay',
  'betul',
  'benar',
  'bener',
  'setuju',
  'boleh',
  'sip',
  'yoi',
]);
const NO = new Set([
  'tidak',
  'tdk',
  'gak',
  'ga',
  'gk',
  'nggak',
  'ngga',
  'enggak',
  'engga',
  'no',
  'n',
  'nope',
  'bukan',
  'jangan',
  'belum',
  'blm',
  'tak',
]);

/** Yes or no from loose words ("iya betul", "gak"); undefined when it is neither. */
export function parseYesNo(typed: string): boolean | undefined {
  const first = loose(typed).split(' ')[0] ?? '';
  if (YES.has(first)) return true;
  if (NO.has(first)) return false;
  return undefined;
}

const SKIP = new Set([
  'lewati',
  'lewat',
  'skip',
  'lompati',
  'tidak ada',
  'gak ada',
  'ga ada',
  'nggak ada',
  'none',
  '',
]);

/** "lewati" and friends, for optional steps. A lone "-" counts too. */
export function isSkip(typed: string): boolean {
  return typed.trim() === '-' || (typed.trim() !== '' && SKIP.has(loose(typed)));
}

const DONE = new Set([
  'selesai',
  'lanjut',
  'sudah',
  'udah',
  'udh',
  'cukup',
  'done',
  'next',
  'sudah semua',
  'sudah cukup',
  'finish',
]);

/** "selesai"/"lanjut": the citizen has sent enough files for a document step. */
export function isDone(typed: string): boolean {
  return DONE.has(loose(typed));
}
