import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { clearFlow } from './flow-runner.js';
import { openHandoff } from './handoff.js';
import type { KeywordCommand } from './keywords.js';
import { switchLanguage } from './language.js';
import { showMainMenu } from './menus.js';
import { presentCurrent } from './present.js';
import { privacyRequest } from './privacy.js';
import { RESTORE_MINUTES, setAside, showMenuWithRestore } from './restore.js';
import { requestStatus } from './status.js';
import type { CitizenInput } from './types.js';

type CommandName = Extract<CitizenInput, { kind: 'command' }>['command'];

/** Channel commands (/start, buttons) as the same commands the citizen can type. */
export function fromChannelCommand(command: CommandName): KeywordCommand {
  return command === 'language' ? 'lang_toggle' : command;
}

/**
 * Leaves whatever is in progress (flow or revision); says so when there was something. A draft
 * is set aside first, so the cancel can be undone for a while (restore.ts).
 */
export function cancelAll(ctx: Ctx): void {
  const kept = setAside(ctx);
  const had = clearFlow(ctx) || ctx.state.revision !== undefined;
  ctx.state.revision = undefined;
  ctx.state.misunderstood = 0;
  if (kept) {
    note(ctx, t(ctx, 'cancelled', { minutes: RESTORE_MINUTES }));
    showMenuWithRestore(ctx);
    return;
  }
  note(ctx, t(ctx, had ? 'cancelled_plain' : 'cancelled_nothing'));
  showMainMenu(ctx);
}

/** The global commands, the same from every step. */
export function runCommand(ctx: Ctx, command: KeywordCommand): void {
  ctx.state.misunderstood = command === 'officer' ? ctx.state.misunderstood : 0;
  switch (command) {
    case 'start':
      clearFlow(ctx);
      ctx.state.revision = undefined;
      note(ctx, t(ctx, 'greeting'));
      showMainMenu(ctx);
      return;
    case 'menu':
      if (clearFlow(ctx)) note(ctx, t(ctx, 'flow.stopped'));
      ctx.state.revision = undefined;
      showMainMenu(ctx);
      return;
    case 'cancel':
      cancelAll(ctx);
      return;
    case 'help':
      note(ctx, t(ctx, 'help'));
      presentCurrent(ctx);
      return;
    case 'officer':
      openHandoff(ctx, 'asked');
      return;
    case 'status':
      requestStatus(ctx);
      return;
    case 'lang_id':
      switchLanguage(ctx, 'id');
      return;
    case 'lang_en':
      switchLanguage(ctx, 'en');
      return;
    case 'lang_toggle':
      switchLanguage(ctx, 'toggle');
      return;
    case 'my_data':
    case 'delete_my_data':
      privacyRequest(ctx, command);
      return;
  }
}
