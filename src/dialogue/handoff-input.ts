import { fromChannelCommand } from './commands.js';
import { complain } from './complaint.js';
import { askedFirst } from './confirm.js';
import type { Ctx } from './context.js';
import { emit, say, t } from './context.js';
import { INTERRUPT_CONFIDENCE } from './global-intents.js';
import { formatBytes } from './file-input.js';
import { cancelHandoff } from './handoff.js';
import type { KeywordCommand } from './keywords.js';
import { keywordCommand } from './keywords.js';
import { switchLanguage } from './language.js';
import { privacyRequest } from './privacy.js';
import { requestStatus } from './status.js';
import type { CitizenInput } from './types.js';

function command(ctx: Ctx, cmd: KeywordCommand): void {
  switch (cmd) {
    case 'start':
    case 'menu':
    case 'cancel':
      cancelHandoff(ctx);
      return;
    case 'officer':
      say(ctx, t(ctx, 'handoff.already'));
      return;
    case 'help':
      say(ctx, t(ctx, 'handoff.help'));
      return;
    case 'status':
      requestStatus(ctx);
      return;
    case 'lang_id':
    case 'lang_en':
    case 'lang_toggle':
      switchLanguage(ctx, cmd === 'lang_id' ? 'id' : cmd === 'lang_en' ? 'en' : 'toggle');
      return;
    case 'my_data':
    case 'delete_my_data':
      privacyRequest(ctx, cmd);
  }
}

/**
 * While an officer has the conversation the bot is quiet: messages and files are relayed with
 * no reply. Only global commands answer, and a complaint (which may be about that very
 * officer) still goes to supervisors.
 */
export function handleHandoffInput(ctx: Ctx, input: CitizenInput): void {
  switch (input.kind) {
    case 'file':
    case 'voice':
      // The officer hears of a refused file too; the citizen is told it did not go through. A
      // voice note reaches the officer as a recording they can play.
      emit(ctx, {
        kind: 'relay_to_officer',
        file: input.file,
        ...(input.kind === 'file' && input.caption ? { text: input.caption } : {}),
      });
      if (!input.file.documentId)
        say(
          ctx,
          t(ctx, 'handoff.file_refused', { max: formatBytes(ctx.opts.uploadMaxBytes, ctx.state.lang) }),
        );
      return;
    case 'command':
      command(ctx, fromChannelCommand(input.command));
      return;
    case 'choice':
      if (input.value === 'menu') cancelHandoff(ctx);
      else say(ctx, t(ctx, 'handoff.still_connected'));
      return;
    case 'text': {
      const cmd = keywordCommand(input.text);
      if (cmd) {
        command(ctx, cmd);
        return;
      }
      const u = ctx.understand(input.text);
      if (u.intent === 'complaint' && u.confidence >= INTERRUPT_CONFIDENCE) {
        // Unsure: the officer gets the message as usual, and the citizen is asked first.
        if (askedFirst(ctx, u)) emit(ctx, { kind: 'relay_to_officer', text: input.text });
        else complain(ctx, u.service);
        return;
      }
      emit(ctx, { kind: 'relay_to_officer', text: input.text });
    }
  }
}
