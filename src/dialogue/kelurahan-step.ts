import type { KelurahanEntry } from '../catalog/catalog.js';
import type { Attempt } from './attempt.js';
import type { Ctx } from './context.js';
import { t } from './context.js';
import { parseYesNo } from './keywords.js';
import { matchMenu } from './menu-match.js';
import { encode } from './menu-values.js';
import { loose } from './normalize.js';

/**
 * How many kelurahan a "which one?" menu lists; when more match (a common name such as
 * Sukamaju nationally), the menu shows the first ones and asks for the kecamatan too.
 */
const PICK_LIMIT = 5;

/** The menu id for choosing among kelurahan at one step. */
export function kelurahanMenuId(stepId: string): string {
  return `kelurahan:${stepId}`;
}

/** "Tanjung Barat, Kec. Jagakarsa, Jakarta Selatan": enough to tell two namesakes apart. */
export function describeKelurahan(ctx: Ctx, entry: KelurahanEntry): string {
  return t(ctx, 'kelurahan.entry', { name: entry.name, district: entry.district, city: entry.city });
}

function chosen(ctx: Ctx, entry: KelurahanEntry): Attempt {
  return {
    kind: 'value',
    value: entry.code,
    echo: t(ctx, 'kelurahan.chosen', { kelurahan: describeKelurahan(ctx, entry) }),
  };
}

/** A kelurahan pressed in the menu, by its code. */
export function kelurahanByCode(ctx: Ctx, code: string): Attempt {
  const entry = ctx.catalog.kelurahan.get(code);
  return entry ? chosen(ctx, entry) : { kind: 'invalid', key: 'invalid.kelurahan.none' };
}

/** The menu id for "Maksud Anda Kelurahan ...?" at one step; its first option holds the guess. */
export function kelurahanConfirmMenuId(stepId: string): string {
  return `kelurahan:${stepId}:confirm`;
}

/** "Bukan" to a guess: type the name again, with its kecamatan this time. */
export const KELURAHAN_AGAIN: Attempt = { kind: 'again', key: 'kelurahan.again' };

/**
 * A weak match is asked about, never taken: the yes option carries its code, so the dialogue
 * state (the menu shown) holds the pending guess and the answer needs nothing else.
 */
function confirmGuess(ctx: Ctx, stepId: string, entry: KelurahanEntry): Attempt {
  return {
    kind: 'confirm',
    menuId: kelurahanConfirmMenuId(stepId),
    text: t(ctx, 'kelurahan.confirm', { kelurahan: describeKelurahan(ctx, entry) }),
    options: [
      { value: encode({ kind: 'kelurahan', code: entry.code }), label: t(ctx, 'kelurahan.confirm_yes') },
      { value: encode({ kind: 'kelurahan_again' }), label: t(ctx, 'kelurahan.confirm_no') },
    ],
  };
}

/** "ya"/"1" or "bukan"/"2" to the guess on screen; undefined when the text is something else. */
function answerToGuess(ctx: Ctx, stepId: string, typed: string): Attempt | undefined {
  const menu = ctx.prevMenu;
  if (menu?.id !== kelurahanConfirmMenuId(stepId)) return undefined;
  const n = typed.trim();
  const yes = parseYesNo(typed) ?? (n === '1' ? true : n === '2' ? false : undefined);
  if (yes === undefined) return undefined;
  const guess = menu.options[0];
  return yes && guess ? choiceOf(ctx, guess.value) : KELURAHAN_AGAIN;
}

/**
 * A typed kelurahan: an answer to the menu or guess just shown, else a search. A strong single
 * match (or the one exact name among several) is taken; a weak single match is asked about;
 * several, including a name shared by several villages, become a numbered menu showing each
 * one's kecamatan and kota; none asks again.
 */
export function kelurahanAnswer(ctx: Ctx, stepId: string, typed: string): Attempt {
  const menu = ctx.prevMenu;
  if (menu?.id === kelurahanMenuId(stepId)) {
    const m = matchMenu(menu.options, typed, { loose: false });
    if (m.kind === 'match') return choiceOf(ctx, m.option.value);
  }
  const guessed = answerToGuess(ctx, stepId, typed);
  if (guessed) return guessed;
  const text = typed.trim();
  if (text.length < 2) return { kind: 'invalid', key: 'invalid.kelurahan.none' };
  // One more than the menu lists, to know whether to ask for the kecamatan as well.
  const hits = ctx.catalog.kelurahan.match(text, PICK_LIMIT + 1);
  const found = hits.slice(0, PICK_LIMIT);
  const exact = found.filter((m) => loose(m.entry.name) === loose(text));
  const [first] = found;
  if (exact.length === 1 && exact[0]) return chosen(ctx, exact[0].entry);
  if (exact.length === 0 && found.length === 1 && first) {
    return first.weak ? confirmGuess(ctx, stepId, first.entry) : chosen(ctx, first.entry);
  }
  if (found.length === 0) return { kind: 'invalid', key: 'invalid.kelurahan.none' };
  return {
    kind: 'pick',
    more: hits.length > PICK_LIMIT,
    options: found.map(({ entry }) => ({
      value: encode({ kind: 'kelurahan', code: entry.code }),
      label: describeKelurahan(ctx, entry),
    })),
  };
}

function choiceOf(ctx: Ctx, value: string): Attempt {
  return kelurahanByCode(ctx, value.replace(/^kel:/, ''));
}
