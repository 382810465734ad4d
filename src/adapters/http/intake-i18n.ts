import type { ConsoleLang } from './console-i18n.js';
import { wordsOf } from './words.js';

/** The counter-intake pages' words, Indonesian first. Labels of steps come from locales/, not here. */
const WORDS = {
  title: { id: 'Permohonan di loket', en: 'Counter application' },
  choose: {
    id: 'Pilih layanan untuk warga yang datang ke loket. Formulir mengikuti pertanyaan yang sama dengan chat.',
    en: 'Choose the service for the citizen at the counter. The form asks what the chat asks.',
  },
  contact: { id: 'Kabar status untuk warga (opsional)', en: 'Status updates for the citizen (optional)' },
  whatsapp: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  telegram: { id: 'ID chat Telegram', en: 'Telegram chat id' },
  contactHint: {
    id: 'Isi salah satu bila warga ingin menerima kabar perkembangan lewat chat.',
    en: 'Fill in one if the citizen wants updates by chat.',
  },
  optional: { id: '(boleh dikosongkan)', en: '(optional)' },
  files: { id: 'berkas', en: 'files' },
  maxSize: { id: 'maks. {mb} MB', en: 'max. {mb} MB' },
  submit: { id: 'Kirim permohonan', en: 'Submit application' },
  reselect: {
    id: 'Periksa isian yang ditandai. Berkas yang sudah dipilih perlu dipilih ulang.',
    en: 'Check the marked fields. Chosen files must be chosen again.',
  },
  slip: { id: 'Tanda terima permohonan', en: 'Application receipt' },
  tracking: { id: 'Nomor pelacakan', en: 'Tracking number' },
  service: { id: 'Layanan', en: 'Service' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  nik: { id: 'NIK {nik}', en: 'NIK {nik}' },
  filed: { id: 'Diajukan', en: 'Filed' },
  due: { id: 'Perkiraan selesai', en: 'Expected by' },
  office: { id: 'Kantor tujuan', en: 'Office' },
  next: { id: 'Apa selanjutnya', en: 'What happens next' },
  nextText: {
    id: 'Petugas memeriksa berkas permohonan ini. Bila ada yang perlu diperbaiki, kami menghubungi Anda.',
    en: 'An officer checks this application. If something needs fixing, we will contact you.',
  },
  check: { id: 'Cek status', en: 'Check the status' },
  checkText: {
    id: 'Kirim pesan "status {tracking}" ke Loket di WhatsApp atau Telegram, atau datang ke kantor dengan membawa tanda terima ini.',
    en: 'Send "status {tracking}" to Loket on WhatsApp or Telegram, or come to the office with this receipt.',
  },
  updatesTo: { id: 'Kabar perkembangan dikirim ke {channel} {chat}.', en: 'Updates go to {channel} {chat}.' },
  print: { id: 'Cetak tanda terima', en: 'Print receipt' },
  another: { id: 'Permohonan baru', en: 'New application' },
  detail: { id: 'Lihat permohonan', en: 'Open application' },
  replay: {
    id: 'Permohonan ini sudah terkirim sebelumnya (tombol kirim ditekan dua kali); tidak dibuat ganda.',
    en: 'This application was already submitted (double submit); no duplicate was made.',
  },
} as const satisfies Record<string, Record<ConsoleLang, string>>;

/** A key of the intake pages' word list. */
export type IntakeWord = keyof typeof WORDS;

/** The intake page text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export const ti = wordsOf(WORDS);

/**
 * Replies that do not depend on the officer's language: plain-text refusals (sent before a page
 * can be drawn) and the messages of refused actions, which say it in Indonesian, then English.
 */
const NOTICES = {
  loginRequired: 'Silakan masuk terlebih dahulu (login required).',
  badCsrf: 'Token keamanan formulir tidak valid; muat ulang halaman (invalid CSRF token).',
  tooLarge: 'Berkas terlalu besar untuk dikirim sekaligus (upload too large).',
  badForm: 'Formulir tidak terbaca; muat ulang halaman (bad form data).',
  serverError: 'Terjadi kesalahan di server (server error).',
  noService: 'Layanan tidak ditemukan (service not found).',
  noApplication: 'Permohonan tidak ditemukan (not found).',
  otherOffice: 'Data ini milik kantor lain, di luar wilayah Anda (outside your office).',
} as const;

/** A fixed bilingual reply of the intake pages. */
export function intakeNotice(key: keyof typeof NOTICES): string {
  return NOTICES[key];
}
