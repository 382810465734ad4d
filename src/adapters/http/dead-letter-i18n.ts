import { wordsOf } from './words.js';

/**
 * Words of the dead-letter page (citizens' messages the bot could not process), Indonesian
 * first; its own table so the page grows without touching the other supervisor words.
 */
const WORDS = {
  title: { id: 'Pesan gagal diproses', en: 'Unprocessed messages' },
  help: {
    id: 'Pesan warga di bawah ini gagal diproses berulang kali walaupun basis data berjalan normal. Warga sudah diminta menghubungi petugas. Isi pesan tidak disimpan; buka percakapan warga bila perlu, dan laporkan galatnya ke pengelola sistem.',
    en: "These citizens' messages failed again and again while the database was healthy. The citizen was asked to contact an officer. The text is not kept; open the citizen's conversation if needed and report the error to the system administrator.",
  },
  when: { id: 'Waktu (WIB)', en: 'When (WIB)' },
  channel: { id: 'Kanal', en: 'Channel' },
  chat: { id: 'Chat', en: 'Chat' },
  messageId: { id: 'No. pesan', en: 'Message no.' },
  kind: { id: 'Jenis isi', en: 'Content' },
  attempts: { id: 'Percobaan', en: 'Attempts' },
  error: { id: 'Galat', en: 'Error' },
  told: { id: 'Warga diberi tahu', en: 'Citizen told' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Belum', en: 'Not yet' },
  none: { id: 'Tidak ada pesan yang gagal diproses.', en: 'No unprocessed messages.' },
  kind_text: { id: 'Teks', en: 'Text' },
  kind_photo: { id: 'Foto', en: 'Photo' },
  kind_document: { id: 'Dokumen', en: 'Document' },
  kind_button: { id: 'Tombol', en: 'Button' },
  kind_other: { id: 'Lainnya', en: 'Other' },
} as const;

/** The dead-letter page's text for `key` in `lang`. */
export const tdl = wordsOf(WORDS);

/** A dead letter's content kind in words; an unknown kind shows as "other". */
export function kindName(lang: Parameters<typeof tdl>[0], kind: string): string {
  const key = `kind_${kind}`;
  return key in WORDS ? tdl(lang, key as keyof typeof WORDS) : tdl(lang, 'kind_other');
}
