import { wordsOf } from './words.js';

/**
 * The console's words for officer availability and citizen satisfaction (IKM), Indonesian first;
 * apart from console-i18n.ts so these features can change without touching the shared table.
 */
const WORDS = {
  availableCount: { id: 'Petugas siap melayani', en: 'Officers available' },
  youAreAvailable: { id: 'Anda: siap melayani', en: 'You: available' },
  youAreAway: { id: 'Anda: sedang tidak di loket', en: 'You: away' },
  setAvailable: { id: 'Saya siap melayani', en: 'Set me available' },
  setAway: { id: 'Saya sedang tidak di loket', en: 'Set me away' },
  satisfactionTitle: { id: 'Kepuasan warga (IKM)', en: 'Citizen satisfaction (IKM)' },
  satisfactionHelp: {
    id: 'Skala SKM 1–4 (Permenpan RB 14/2017), ditampilkan sebagai IKM = rata-rata × 25 (25–100). Jumlah = banyaknya jawaban survei.',
    en: 'SKM 1–4 scale (Permenpan RB 14/2017), shown as IKM = mean × 25 (25–100). Count = survey answers.',
  },
  perOfficer: { id: 'Per petugas', en: 'Per officer' },
  perOffice: { id: 'Per kantor', en: 'Per office' },
  ikm: { id: 'IKM', en: 'IKM' },
  answers: { id: 'Jumlah jawaban', en: 'Answers' },
  grade: { id: 'Mutu', en: 'Grade' },
} as const;

/** A key of the availability and satisfaction word list. */
export type WorkloadWordKey = keyof typeof WORDS;

/** The availability/satisfaction text for `key` in `lang`. */
export const tWorkload = wordsOf(WORDS);
