import type { Ctx } from './context.js';
import { emit, t } from './context.js';
import { answerThenResume } from './present.js';
import type { UploadedFile } from './types.js';

/**
 * A voice note outside an officer conversation: Loket cannot listen to it yet, so the citizen is
 * asked kindly to type, or to ask for a person, and the current question comes again. The
 * recording is discarded (it was stored only in case an officer could play it).
 */
export function handleVoice(ctx: Ctx, file: UploadedFile): void {
  if (file.documentId) emit(ctx, { kind: 'discard_document', documentId: file.documentId });
  answerThenResume(ctx, t(ctx, 'voice.unsupported'));
}
