import type { AnswerValue } from '../domain/application.js';
import type { Params } from './render.js';
import type { MenuOption } from './types.js';

/**
 * What an answer to a step turned out to be: a value to store (with a line to echo back), a
 * refusal with its message key, several kelurahan to choose from, a guess to confirm with a
 * yes/no menu, a plain "type it again" (the citizen said the guess was wrong, which is no
 * misunderstanding), or "enough files". Its own
 * module because validate.ts and kelurahan-step.ts both produce it and validate.ts calls
 * kelurahan-step.ts: with the type in either of them the two would import each other.
 */
export type Attempt =
  | { kind: 'value'; value: AnswerValue; echo?: string }
  | { kind: 'invalid'; key: string; params?: Params }
  /** `more`: the search found more than the menu lists, so the citizen is asked to narrow it. */
  | { kind: 'pick'; options: MenuOption[]; more: boolean }
  | { kind: 'confirm'; menuId: string; text: string; options: MenuOption[] }
  | { kind: 'again'; key: string }
  | { kind: 'done' };
