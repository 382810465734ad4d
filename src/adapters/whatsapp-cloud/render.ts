import type { MenuOption, Reply } from '../../dialogue/types.js';

/** Cloud API limits: a text body, an interactive body, a button title, a list row title and description. */
const TEXT_LIMIT = 4096;
const INTERACTIVE_BODY_LIMIT = 1024;
const BUTTON_TITLE_LIMIT = 20;
const ROW_TITLE_LIMIT = 24;
const ROW_DESCRIPTION_LIMIT = 72;
const MAX_BUTTONS = 3;
const MAX_ROWS = 10;
const ID_LIMIT = 200;

/** The `type` and its object of one Cloud API message, without `to` and `messaging_product`. */
export type CloudContent =
  | { type: 'text'; text: { body: string; preview_url: false } }
  | { type: 'interactive'; interactive: Record<string, unknown> };

/** The label of the list's open button, in the conversation's words (Indonesian first). */
export const LIST_BUTTON = 'Pilih / Choose';

/**
 * Turns channel-neutral replies into Cloud API messages. A menu of up to 3 short options is
 * reply buttons, up to 10 a list (a long label keeps its whole text in the row's description),
 * anything longer numbered text, which the engine matches when the citizen types "2". Button
 * and row ids are the menu's own values, so a press comes back as the value the dialogue gave.
 */
export function renderReplies(replies: Reply[]): CloudContent[] {
  return replies.flatMap(renderReply);
}

function renderReply(reply: Reply): CloudContent[] {
  if (reply.kind === 'menu') {
    const native = interactiveMenu(reply.text, reply.options);
    if (native) return [native];
    return texts([reply.text, '', ...reply.options.map((o, i) => `*${i + 1}.* ${o.label}`)].join('\n'));
  }
  return texts(reply.text);
}

function interactiveMenu(text: string, options: MenuOption[]): CloudContent | undefined {
  if (options.length === 0 || text.length > INTERACTIVE_BODY_LIMIT) return undefined;
  if (options.some((o) => o.value.length === 0 || o.value.length > ID_LIMIT)) return undefined;
  if (new Set(options.map((o) => o.value)).size !== options.length) return undefined;
  const body = { text };
  if (options.length <= MAX_BUTTONS && options.every((o) => [...o.label].length <= BUTTON_TITLE_LIMIT)) {
    const buttons = options.map((o) => ({ type: 'reply', reply: { id: o.value, title: o.label } }));
    return { type: 'interactive', interactive: { type: 'button', body, action: { buttons } } };
  }
  if (options.length > MAX_ROWS) return undefined;
  const rows = options.map((o) => {
    const chars = [...o.label];
    if (chars.length <= ROW_TITLE_LIMIT) return { id: o.value, title: o.label };
    return {
      id: o.value,
      title: `${chars.slice(0, ROW_TITLE_LIMIT - 1).join('')}…`,
      description: chars.slice(0, ROW_DESCRIPTION_LIMIT).join(''),
    };
  });
  return {
    type: 'interactive',
    interactive: { type: 'list', body, action: { button: LIST_BUTTON, sections: [{ rows }] } },
  };
}

function texts(text: string): CloudContent[] {
  return splitText(text).map((body) => ({ type: 'text', text: { body, preview_url: false } }));
}

/** Pieces of at most TEXT_LIMIT characters, cut at line breaks where possible, never inside a code point. */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = [...text];
  while (rest.length > limit) {
    const head = rest.slice(0, limit).join('');
    const cut = head.lastIndexOf('\n');
    const take = cut > limit / 2 ? [...head.slice(0, cut)].length : limit;
    pieces.push(rest.slice(0, take).join(''));
    rest = [...rest.slice(take).join('').replace(/^\n/, '')];
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest.join(''));
  return pieces;
}
