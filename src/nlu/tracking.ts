/**
 * A tracking number typed from memory: `PTSP-2611-ABCD7`, but also "ptsp 2611 abcd7",
 * "PTSP2611ABCD7" or "ptsp-2611abcd7". Returns the canonical upper-case dashed form; whether
 * the check character matches (and "did you mean") is the domain's business.
 * Note: written here because src/domain had no tracking-number finder when the NLU was built.
 */
export function findTrackingNumberIn(text: string, prefix = 'PTSP'): string | undefined {
  const p = prefix.replace(/[^a-z0-9]/gi, '');
  const re = new RegExp(`(?<![a-z0-9])${p}[\\s\\-_.:#]*(\\d{4})[\\s\\-_.]*([a-z0-9]{5})(?![a-z0-9])`, 'i');
  const m = re.exec(text);
  return m ? `${p.toUpperCase()}-${m[1]}-${(m[2] ?? '').toUpperCase()}` : undefined;
}
