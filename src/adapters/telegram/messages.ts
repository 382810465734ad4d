import type { Lang } from '../../dialogue/types.js';

/**
 * The few texts the Telegram adapter says itself, when a message never reaches the engine (a
 * failed download, a broken button). Indonesian first; everything else comes from the catalog.
 */
export const TELEGRAM_MESSAGES = {
  // Telegram hands an unconfirmed update over again (polling) or retries the webhook: the
  // message is not lost, so the citizen must not be asked to send it again.
  retry: {
    id: 'Maaf, pesan Anda belum berhasil kami proses karena gangguan sebentar. Tidak perlu mengirim ulang: kami mencobanya lagi secara otomatis dan segera membalas.',
    en: 'Sorry, a short disruption kept us from processing your message. No need to send it again: we retry automatically and will answer shortly.',
  },
  fileRetry: {
    id: 'Maaf, file Anda belum berhasil kami terima dari Telegram. Tidak perlu mengirim ulang: kami mencobanya lagi secara otomatis dan segera membalas.',
    en: 'Sorry, we could not receive your file from Telegram yet. No need to send it again: we retry automatically and will answer shortly.',
  },
  // A message that failed every attempt while the database was healthy (a dead letter): an
  // officer can help, retrying cannot.
  parked: {
    id: 'Maaf, pesan Anda tidak dapat kami proses. Ketik *petugas* untuk dihubungkan dengan petugas.',
    en: 'Sorry, we could not process your message. Type *petugas* to be connected with an officer.',
  },
  badButton: {
    id: 'Maaf, tombol ini sudah tidak berlaku. Silakan pilih dari pesan terbaru atau ketik jawaban Anda.',
    en: 'Sorry, this button is no longer valid. Please choose from the latest message or type your answer.',
  },
  unsupported: {
    id: 'Maaf, saya hanya bisa membaca teks, foto, dan dokumen. Silakan ketik pesan Anda.',
    en: 'Sorry, I can only read text, photos and documents. Please type your message.',
  },
  privateOnly: {
    id: 'Silakan hubungi saya lewat chat pribadi.',
    en: 'Please talk to me in a private chat.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** The citizen's language as Telegram reports it (`language_code`); Indonesian unless English. */
export function langOf(languageCode: string | undefined): Lang | undefined {
  if (languageCode === undefined) return undefined;
  const base = languageCode.toLowerCase().split('-')[0];
  if (base === 'en') return 'en';
  if (base === 'id' || base === 'ms' || base === 'jv' || base === 'su') return 'id';
  return undefined;
}
