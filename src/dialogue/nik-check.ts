import { maskNik as maskDomainNik, validateNik, type NikReason } from '../domain/nik.js';

/**
 * Why a NIK was refused; each reason has its own message (`invalid.nik.<reason>`) so the citizen
 * learns what to look at on the card. The domain's reasons, named as the engine's messages are.
 */
export type NikProblem = NikReason;

/**
 * The NIK step's check, delegating to the domain's `validateNik` so the engine, the officer
 * console and the tests agree on one rule set. `today` is the turn's time: the engine reads no
 * clock, and a birth date in the NIK may not be after it.
 */
export function checkNik(
  typed: string,
  today?: Date,
): { ok: true; nik: string } | { ok: false; problem: NikProblem } {
  const r = validateNik(typed, today ? { today } : {});
  return r.ok ? { ok: true, nik: r.nik } : { ok: false, problem: r.reason };
}

/** All but the last four digits hidden: what summaries and officer notes may show. */
export function maskNik(nik: string): string {
  return maskDomainNik(nik);
}
