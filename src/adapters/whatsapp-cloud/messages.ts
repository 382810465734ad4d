import type { Lang } from '../../dialogue/types.js';

/**
 * The few texts the Cloud API adapter says itself, when a message never reaches the engine. The
 * Cloud API tells us no language: both languages, Indonesian first.
 */
export const CLOUD_MESSAGES = {
  unsupported: {
    id: 'Maaf, saya hanya bisa membaca teks, foto, dan dokumen. Silakan ketik pesan Anda.',
    en: 'Sorry, I can only read text, photos and documents. Please type your message.',
  },
  // A message that failed every attempt while the database was healthy (a dead letter): an
  // officer can help, retrying cannot.
  parked: {
    id: 'Maaf, pesan Anda tidak dapat kami proses. Ketik *petugas* untuk dihubungkan dengan petugas.',
    en: 'Sorry, we could not process your message. Type *petugas* to be connected with an officer.',
  },
  reaction: {
    id: 'Terima kasih! Jika ada yang bisa kami bantu, silakan ketik pesan Anda.',
    en: 'Thank you! If we can help with anything, please type your message.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** One text in both languages, Indonesian first. */
export function bilingual(text: Record<Lang, string>): string {
  return `${text.id}\n\n${text.en}`;
}
