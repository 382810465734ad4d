import type { SystemEvent, UploadedFile } from '../../dialogue/types.js';
import type { TranscriptLine } from '../../ports/handoff-repository.js';
import type { EffectContext, EffectDeps, EffectOf } from './effect-deps.js';

/**
 * A citizen's message while an officer handles (or will handle) their chat: added to the ticket's
 * transcript. A file was checked and stored like any upload before the engine saw it; its line
 * references the stored document so the officer can open it, and a refused one (nothing stored)
 * is named as refused. Nothing when the chat has no open ticket (an officer closed it meanwhile).
 */
export async function relayToOfficer(
  deps: Pick<EffectDeps, 'handoffs'>,
  effect: EffectOf<'relay_to_officer'>,
  { msg }: EffectContext,
): Promise<SystemEvent[]> {
  const ticket = await deps.handoffs.findOpenByChat(msg.channel, msg.chatId);
  if (!ticket) return [];
  const line: TranscriptLine = effect.file
    ? fileLine(effect.file, effect.text, msg.at)
    : { from: 'citizen', text: effect.text ?? '', at: msg.at };
  await deps.handoffs.appendMessage(ticket.id, line);
  return [];
}

/** The transcript line of a citizen's file; `caption` is what they wrote with it. */
function fileLine(file: UploadedFile, caption: string | undefined, at: Date): TranscriptLine {
  const note = caption ? ` ${caption}` : '';
  if (!file.documentId)
    return { from: 'citizen', text: `[berkas ditolak: ${file.filename} (${file.contentType})]${note}`, at };
  const { documentId, filename, contentType, size } = file;
  return {
    from: 'citizen',
    text: `[berkas: ${filename}]${note}`,
    at,
    attachment: { documentId, filename, contentType, size },
  };
}
