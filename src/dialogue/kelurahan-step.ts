import type { KelurahanEntry } from '../catalog/catalog.js';
import type { Attempt } from './attempt.js';
import type { Ctx } from './context.js';
import { t } from './context.js';
import { matchMenu } from './menu-match.js';
import { encode } from './menu-values.js';
import { loose } from './normalize.js';

/** How many kelurahan a "which one?" menu lists; more than this means "type more of the name". */
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

/**
 * A typed kelurahan: a number or name from the menu just shown, else a search. One match (or
 * one exact name among several) is taken; several become a numbered menu; none asks again.
 */
export function kelurahanAnswer(ctx: Ctx, stepId: string, typed: string): Attempt {
  const menu = ctx.prevMenu;
  if (menu?.id === kelurahanMenuId(stepId)) {
    const m = matchMenu(menu.options, typed, { loose: false });
    if (m.kind === 'match') return choiceOf(ctx, m.option.value);
  }
  const text = typed.trim();
  if (text.length < 2) return { kind: 'invalid', key: 'invalid.kelurahan.none' };
  const found = ctx.catalog.kelurahan.search(text, PICK_LIMIT);
  const exact = found.filter((e) => loose(e.name) === loose(text));
  const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
  if (only) return chosen(ctx, only);
  if (found.length === 0) return { kind: 'invalid', key: 'invalid.kelurahan.none' };
  return {
    kind: 'pick',
    options: found.map((e) => ({
      value: encode({ kind: 'kelurahan', code: e.code }),
      label: describeKelurahan(ctx, e),
    })),
  };
}

function choiceOf(ctx: Ctx, value: string): Attempt {
  return kelurahanByCode(ctx, value.replace(/^kel:/, ''));
}
