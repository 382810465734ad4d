import { editDistance } from '../catalog/edit-distance.js';

/** Every message privacy.ts says, for the catalog check (message-keys.ts). */
export const PRIVACY_KEYS = [
  'privacy.title', 'privacy.draft', 'privacy.draft_none', 'privacy.applications', 'privacy.application',
  'privacy.applications_none', 'privacy.applications_kept', 'privacy.handoffs', 'privacy.handoffs_none',
  'privacy.satisfaction', 'privacy.file', 'privacy.file_failed', 'privacy.pending', 'privacy.how_delete',
  'privacy.delete_confirm', 'privacy.delete_yes', 'privacy.delete_no', 'privacy.delete_kept',
  'privacy.requested', 'privacy.already', 'privacy.in_progress', 'privacy.approved', 'privacy.approved_kept',
  'privacy.refused',
] as const; // prettier-ignore

/**
 * The phrases of the data-subject rights, as whole messages. Typed on a phone they often carry
 * a slip ("dats saya", "hapus dta saya"), so they are matched within a small edit distance; the
 * distance allowed grows with the phrase, and stays below what would turn one phrase into the
 * other or into an everyday answer ("nama saya").
 */
const PHRASES: ReadonlyArray<readonly [string, 'my_data' | 'delete_my_data']> = [
  ['data saya', 'my_data'],
  ['data sy', 'my_data'],
  ['data pribadi saya', 'my_data'],
  ['data diri saya', 'my_data'],
  ['apa data saya', 'my_data'],
  ['lihat data saya', 'my_data'],
  ['cek data saya', 'my_data'],
  ['data apa saja yang disimpan', 'my_data'],
  ['my data', 'my_data'],
  ['show my data', 'my_data'],
  ['my personal data', 'my_data'],
  ['hapus data saya', 'delete_my_data'],
  ['hapus data sy', 'delete_my_data'],
  ['hapus data pribadi saya', 'delete_my_data'],
  ['hapus semua data saya', 'delete_my_data'],
  ['delete my data', 'delete_my_data'],
  ['erase my data', 'delete_my_data'],
  ['delete my personal data', 'delete_my_data'],
];

/** Slips allowed for a phrase of this length: none for short ones, two for long ones. */
function allowed(length: number): number {
  if (length < 9) return 0;
  return length < 13 ? 1 : 2;
}

/**
 * "data saya" / "hapus data saya" (or a near slip of one of their phrasings) from a whole
 * message already loosened (`loose`), else undefined. The nearest phrase wins.
 */
export function privacyCommand(text: string): 'my_data' | 'delete_my_data' | undefined {
  let best: { d: number; command: 'my_data' | 'delete_my_data' } | undefined;
  for (const [phrase, command] of PHRASES) {
    const max = allowed(phrase.length);
    const d = editDistance(text, phrase, max);
    if (d <= max && (!best || d < best.d)) best = { d, command };
  }
  return best?.command;
}
