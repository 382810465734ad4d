import type { StatusProof } from '../../dialogue/types.js';
import type { Application, ChatAddress } from '../../domain/application.js';
import { validateNik } from '../../domain/nik.js';

/** Wrong answers allowed per chat and per tracking number in one window. */
export const PROOF_LIMIT = 3;
/** The window the wrong answers are counted in, in minutes. */
export const PROOF_WINDOW_MINUTES = 15;

/**
 * Whether the chat may see the application without a proof: the chat that applied, or the
 * contact an officer entered at the counter (both are stored as `applicant.contact`).
 */
export function ownsApplication(app: Application, chat: ChatAddress): boolean {
  const contact = app.applicant.contact;
  return contact !== undefined && contact.channel === chat.channel && contact.chatId === chat.chatId;
}

/**
 * Whether the proof matches the applicant. The birth date is read from the NIK (DDMMYY, +40 on
 * the day for women), so it is only there while the full NIK is kept; after retention masks it,
 * the last 4 digits still match.
 */
export function proofMatches(app: Application, proof: StatusProof, at: Date): boolean {
  const nik = app.applicant.nik.replace(/[\s.-]+/g, '');
  if (proof.kind === 'nik_last4') return /^\d{4}$/.test(proof.digits) && nik.endsWith(proof.digits);
  const read = validateNik(nik, { today: at });
  return read.ok && read.birthDate === proof.date;
}
