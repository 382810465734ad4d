import { wordsOf } from './words.js';

/**
 * Words of the live conversation page (delivery of replies, retry), Indonesian first. Kept
 * beside console-i18n's list, in the same shape, so the live parts grow without every console
 * change touching one shared file.
 */
const WORDS = {
  queued: { id: 'Menunggu dikirim', en: 'Queued' },
  sent: { id: 'Terkirim', en: 'Sent' },
  failed: { id: 'Gagal terkirim', en: 'Not delivered' },
  unreachable: {
    id: 'warga tidak dapat dihubungi (bot diblokir atau akun tidak aktif)',
    en: 'the citizen cannot be reached (bot blocked or account gone)',
  },
  retry: { id: 'kanal sedang terganggu; coba kirim ulang', en: 'the channel is having trouble; try again' },
  refused: { id: 'kanal menolak pesan ini', en: 'the channel refused this message' },
  sendAgain: { id: 'Kirim ulang', en: 'Send again' },
  offline: {
    id: 'Tidak tersambung ke server; periksa jaringan, lalu coba lagi.',
    en: 'Not connected to the server; check the network, then try again.',
  },
  fromCitizen: { id: 'Warga', en: 'Citizen' },
  fromOfficer: { id: 'Petugas', en: 'Officer' },
  fromBot: { id: 'Bot', en: 'Bot' },
} as const;

/** A key of the live page's word list. */
export type LiveWordKey = keyof typeof WORDS;

/** The live page's text for `key` in `lang`. */
export const tl = wordsOf(WORDS);
