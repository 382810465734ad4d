import { wordsOf } from './words.js';

/** The officer's context panel and the canned-reply page, in words, Indonesian first. */
const WORDS = {
  context: { id: 'Konteks warga', en: "Citizen's context" },
  beforeHandoff: {
    id: 'Percakapan dengan bot sebelum minta petugas',
    en: 'Conversation with the bot before asking for an officer',
  },
  nothingBefore: { id: 'Tidak ada percakapan sebelumnya.', en: 'No earlier conversation.' },
  fromCitizen: { id: 'Warga', en: 'Citizen' },
  fromBot: { id: 'Bot', en: 'Bot' },
  askedAbout: { id: 'Terakhir bertanya tentang', en: 'Last asked about' },
  draft: { id: 'Permohonan yang sedang diisi', en: 'Application being filled in' },
  service: { id: 'Layanan', en: 'Service' },
  currentStep: { id: 'Sedang ditanya', en: 'Being asked' },
  atSummary: { id: 'Di ringkasan, menunggu konfirmasi', en: 'At the summary, to be confirmed' },
  answers: { id: 'Jawaban sejauh ini', en: 'Answers so far' },
  noAnswers: { id: 'Belum ada jawaban.', en: 'No answers yet.' },
  documents: { id: 'Dokumen terunggah', en: 'Uploaded documents' },
  openDocument: { id: 'Buka', en: 'Open' },
  earlierHandoffs: { id: 'Percakapan dengan petugas sebelumnya', en: 'Earlier conversations with officers' },
  none: { id: 'Tidak ada.', en: 'None.' },
  waiting: { id: 'menunggu', en: 'waiting' },
  claimed: { id: 'sedang dilayani', en: 'being served' },
  closedState: { id: 'selesai', en: 'closed' },
  insertRequirements: { id: 'Sisipkan syarat layanan', en: 'Insert service requirements' },
  insert: { id: 'Sisipkan', en: 'Insert' },
  cannedTitle: { id: 'Balasan siap pakai', en: 'Canned replies' },
  cannedHelp: {
    id: 'Balasan yang ditawarkan kepada petugas kantor ini di kotak balasan percakapan.',
    en: "Replies offered to this office's officers in the conversation reply box.",
  },
  cannedDefaults: {
    id: 'Kantor ini belum punya daftar sendiri; petugas melihat daftar bawaan di bawah. Menambah balasan menyimpan daftar bawaan ini untuk kantor Anda, sehingga bisa diubah atau dihapus.',
    en: 'This office has no list of its own yet; officers see the default list below. Adding a reply saves these defaults for your office, so they can be edited or deleted.',
  },
  cannedNew: { id: 'Balasan baru', en: 'New reply' },
  cannedText: { id: 'Teks balasan', en: 'Reply text' },
  add: { id: 'Tambah', en: 'Add' },
  save: { id: 'Simpan', en: 'Save' },
  delete: { id: 'Hapus', en: 'Delete' },
  added: { id: 'Balasan ditambahkan.', en: 'Reply added.' },
  savedReply: { id: 'Balasan disimpan.', en: 'Reply saved.' },
  deleted: { id: 'Balasan dihapus.', en: 'Reply deleted.' },
} as const;

/** A key of the context panel's words. */
export type ContextWord = keyof typeof WORDS;

/** The words for `key` in `lang`. */
export const tc = wordsOf(WORDS);
