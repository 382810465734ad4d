/**
 * Why a NIK was refused; each reason has its own message (`invalid.nik.<reason>`) so the citizen
 * learns what to look at on the card.
 */
export type NikProblem = 'length' | 'digits' | 'region' | 'date' | 'serial';

/**
 * Structure checks for a NIK: 16 digits, a plausible province code, a birth date (day + 40 for
 * women) and a serial that is not 0000.
 * TODO: switch to `validateNik` from src/domain/nik.ts (region codes from the area list) once it
 * exists; this local check was written while that module was in progress.
 */
export function checkNik(typed: string): { ok: true; nik: string } | { ok: false; problem: NikProblem } {
  const nik = typed.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(nik)) return { ok: false, problem: 'digits' };
  if (nik.length !== 16) return { ok: false, problem: 'length' };
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 96) return { ok: false, problem: 'region' };
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const realDay = day > 40 ? day - 40 : day;
  if (realDay < 1 || realDay > 31 || month < 1 || month > 12) return { ok: false, problem: 'date' };
  if (nik.slice(12) === '0000') return { ok: false, problem: 'serial' };
  return { ok: true, nik };
}

/** All but the last four digits hidden: what summaries and officer notes may show. */
export function maskNik(nik: string): string {
  return nik.length <= 4 ? nik : `${'*'.repeat(nik.length - 4)}${nik.slice(-4)}`;
}
