import { loose } from './normalize.js';
import type { MenuOption } from './types.js';

/** How typed text relates to a menu: one option, a number the menu does not have, or nothing. */
export type MenuMatch = { kind: 'match'; option: MenuOption } | { kind: 'out_of_range' } | { kind: 'none' };

const ORDINAL = /^(?:no|nomor|nomer|pilih|pilihan|opsi|option|number)?\s*(\d{1,3})$/;

/**
 * Words that flip an option's meaning: "ada" must not tie with "Tidak ada, saya pakai SPTJM",
 * nor "gak ada" with "Ada surat keterangan lahir": an option loses a point when it and the
 * citizen's text disagree on negating.
 */
const NEGATIONS: ReadonlySet<string> = new Set([
  'tidak',
  'tak',
  'tdk',
  'gak',
  'ga',
  'nggak',
  'enggak',
  'belum',
  'bukan',
  'no',
  'not',
]);

/** Longer messages are sentences, not menu picks: "petugas minta uang buat ktp" is no "KTP-el". */
const MAX_LOOSE_WORDS = 5;

/**
 * Matches a menu answer typed as its number ("2", "no 2"), its label or value ("kk",
 * "kartu keluarga"), or, when `loose`, a part of the label ("akta lahir"). Ambiguous text
 * matches nothing, so the caller can ask again rather than guess.
 */
export function matchMenu(
  options: readonly MenuOption[],
  typed: string,
  opts: { loose: boolean },
): MenuMatch {
  const text = loose(typed).replace(/^\//, '');
  if (!text) return { kind: 'none' };
  const ordinal = ORDINAL.exec(text);
  if (ordinal) {
    const option = options[Number(ordinal[1]) - 1];
    return option ? { kind: 'match', option } : { kind: 'out_of_range' };
  }
  const exact = options.filter((o) => loose(o.label) === text || loose(o.value.replace(/_/g, ' ')) === text);
  if (exact.length === 1 && exact[0]) return { kind: 'match', option: exact[0] };
  if (!opts.loose || text.split(' ').length > MAX_LOOSE_WORDS) return { kind: 'none' };

  const words = text.split(' ').filter((w) => w.length >= 2);
  const negated = words.some((w) => NEGATIONS.has(w));
  let best: MenuOption | undefined;
  let bestScore = 0;
  let tie = false;
  for (const option of options) {
    const label = loose(option.label);
    const labelWords = new Set(label.split(' '));
    let score = words.filter((w) => labelWords.has(w) || (w.length >= 4 && label.includes(w))).length;
    if (text.length >= 3 && label.includes(text)) score += 2;
    if (negated !== [...labelWords].some((w) => NEGATIONS.has(w))) score -= 1;
    if (score > bestScore) {
      best = option;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  return best && !tie ? { kind: 'match', option: best } : { kind: 'none' };
}
