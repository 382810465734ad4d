import type { CloseResolution, HandoffOutcome } from '../../ports/handoff-repository.js';
import type { ConsoleLang } from './console-i18n.js';
import { wordsOf } from './words.js';

/**
 * Words of the conversation workspace (notes, transfer, hand back, close with a resolution),
 * Indonesian first. Beside console-i18n's list, in the same shape, so this part of the page grows
 * without touching the shared list.
 */
const WORDS = {
  notes: { id: 'Catatan internal (hanya petugas)', en: 'Internal notes (officers only)' },
  noNotes: { id: 'Belum ada catatan.', en: 'No notes yet.' },
  addNote: { id: 'Simpan catatan', en: 'Save note' },
  notePlaceholder: {
    id: 'Tidak dikirim ke warga. Contoh: sudah cek berkas, tunggu surat pengantar RT.',
    en: 'Not sent to the citizen. E.g. files checked, waiting for the RT letter.',
  },
  transfer: { id: 'Alihkan percakapan', en: 'Transfer conversation' },
  transferTo: { id: 'Tujuan', en: 'Transfer to' },
  transferOfficers: { id: 'Petugas', en: 'Officers' },
  transferOffices: { id: 'Antrean kantor', en: 'Office queues' },
  transferNote: { id: 'Catatan untuk penerima', en: 'Note for the receiver' },
  transferred: { id: 'Dialihkan ke', en: 'Transferred to' },
  choose: { id: 'Pilih...', en: 'Choose...' },
  handBack: { id: 'Kembalikan ke bot (isian tetap)', en: 'Hand back to the bot (draft kept)' },
  resolution: { id: 'Hasil percakapan', en: 'Resolution' },
  answered: { id: 'Pertanyaan terjawab', en: 'Answered' },
  application_filed: { id: 'Permohonan diajukan', en: 'Application filed' },
  referred: { id: 'Dirujuk ke instansi lain', en: 'Referred elsewhere' },
  no_response: { id: 'Warga tidak menanggapi', en: 'No response from the citizen' },
  handed_back: { id: 'Dikembalikan ke bot', en: 'Handed back to the bot' },
  resolutionsTitle: { id: 'Hasil percakapan', en: 'Conversation outcomes' },
  resolutionsHelp: {
    id: 'Percakapan yang ditutup dalam rentang ini, menurut hasilnya.',
    en: 'Conversations ended in this window, by outcome.',
  },
  total: { id: 'Jumlah', en: 'Total' },
} as const;

/** A key of the workspace's word list. */
export type WorkspaceWord = keyof typeof WORDS;

/** The workspace text for `key` in `lang`. */
export const tWorkspace = wordsOf(WORDS);

/** A resolution's label: how the close form offers it and the dashboard counts it. */
export function outcomeLabel(lang: ConsoleLang, outcome: HandoffOutcome | CloseResolution): string {
  return tWorkspace(lang, outcome);
}
