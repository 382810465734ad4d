import type { Lang } from '../../dialogue/types.js';

/**
 * The few texts the WhatsApp adapter says itself, when a message never reaches the engine.
 * WhatsApp tells us no language: they are in the conversation's language (English once the
 * citizen switched), Indonesian for a chat without one; everything else comes from the catalog.
 */
export const WHATSAPP_MESSAGES = {
  retry: {
    id: 'Maaf, pesan Anda belum berhasil kami proses. Coba kirim lagi sebentar lagi.',
    en: 'Sorry, we could not process your message yet. Please try sending it again in a moment.',
  },
  fileRetry: {
    id: 'Maaf, file Anda belum berhasil kami terima dari WhatsApp. Coba kirim lagi.',
    en: 'Sorry, we could not receive your file from WhatsApp. Please try sending it again.',
  },
  unsupported: {
    id: 'Maaf, saya hanya bisa membaca teks, foto, dan dokumen. Silakan ketik pesan Anda.',
    en: 'Sorry, I can only read text, photos and documents. Please type your message.',
  },
  rateLimited: {
    id: 'Mohon maaf, pesan Anda terlalu banyak dalam waktu singkat. Silakan tunggu beberapa menit, lalu kirim lagi. Terima kasih atas pengertiannya. 🙏',
    en: 'Sorry, you sent too many messages in a short time. Please wait a few minutes, then send again. Thank you for understanding.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
