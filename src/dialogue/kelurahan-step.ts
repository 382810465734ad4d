import { isDesaCode } from '../catalog/area-codes.js';
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

/** "Desa" for a desa, "Kelurahan" for a kelurahan: what the chosen village is called back. */
export function villageTitle(ctx: Ctx, entry: KelurahanEntry): string {
  return t(ctx, isDesaCode(entry.code) ? 'kelurahan.title_desa' : 'kelurahan.title_kelurahan');
}

function chosen(ctx: Ctx, entry: KelurahanEntry): Attempt {
  return {
    kind: 'value',
    value: entry.code,
    echo: t(ctx, 'kelurahan.chosen', {
      title: villageTitle(ctx, entry),
      kelurahan: describeKelurahan(ctx, entry),
    }),
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
    text: t(ctx, 'kelurahan.confirm', {
      title: villageTitle(ctx, entry),
      kelurahan: describeKelurahan(ctx, entry),
    }),
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
  if (!found.some((m) => !m.weak)) {
    const away = outOfArea(ctx, text);
    if (away) return away;
  }
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

/**
 * A place this Loket does not serve: when nothing in the served area matches well but a village
 * elsewhere in Indonesia does, the citizen is told which area is served and which office to go
 * to instead, and the question stays (they may live here after all, or ask for an officer).
 */
function outOfArea(ctx: Ctx, text: string): Attempt | undefined {
  const { servedArea, elsewhere } = ctx.catalog.kelurahan;
  if (!servedArea || !elsewhere) return undefined;
  const strong = elsewhere(text, PICK_LIMIT).filter((m) => !m.weak);
  const [first] = strong;
  if (!first) return undefined;
  const exact = strong.filter((m) => loose(m.entry.name) === loose(text));
  const only = exact.length === 1 ? exact[0]! : strong.length === 1 ? first : undefined;
  const served = servedArea.join(', ');
  if (!only) {
    const places = strong.map((m) => describeKelurahan(ctx, m.entry)).join('; ');
    return { kind: 'invalid', key: 'invalid.kelurahan.elsewhere_many', params: { served, places } };
  }
  const office = `${villageTitle(ctx, only.entry)} ${only.entry.name}`;
  return {
    kind: 'invalid',
    key: 'invalid.kelurahan.elsewhere',
    params: { served, office, kelurahan: describeKelurahan(ctx, only.entry) },
  };
}

function choiceOf(ctx: Ctx, value: string): Attempt {
  return kelurahanByCode(ctx, value.replace(/^kel:/, ''));
}
