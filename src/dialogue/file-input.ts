import type { Ctx } from './context.js';
import { emit, note, sayDocumentRequest, t } from './context.js';
import { advance, currentTarget } from './flow-runner.js';
import { stepLabel } from './flow-steps.js';
import { presentCurrent } from './present.js';
import type { Params } from './render.js';
import type { Lang, UploadedFile } from './types.js';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/pdf': 'PDF',
  'image/webp': 'WEBP',
  'image/heic': 'HEIC',
};

function typeNames(accept: readonly string[]): string {
  return accept.map((m) => TYPE_NAMES[m] ?? (m.split('/')[1] ?? m).toUpperCase()).join(', ');
}

/** "4,8 MB", "500 KB": the limit as a citizen reads it, decimal comma in Indonesian. */
export function formatBytes(bytes: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${n.format(bytes / (1024 * 1024))} MB`;
  return `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function refuseFile(
  ctx: Ctx,
  file: UploadedFile,
  key: string,
  params: Params,
  accept: string[],
  maxBytes: number,
): void {
  emit(ctx, { kind: 'discard_document', documentId: file.documentId });
  sayDocumentRequest(ctx, `${t(ctx, key, params)}\n\n${t(ctx, 'hint.step')}`, accept, maxBytes);
}

/**
 * An upload. At a document step: checked against the step's types and size (refused files are
 * discarded), counted ("Foto KTP diterima (1 dari 2)"), and the flow moves on at the step's
 * maximum. Anywhere else it is discarded: nothing was asked for and no consent covers it.
 */
export function handleFile(ctx: Ctx, file: UploadedFile): void {
  const target = currentTarget(ctx);
  const step = target?.step;
  if (!target || !step || step.kind !== 'document') {
    emit(ctx, { kind: 'discard_document', documentId: file.documentId });
    note(ctx, t(ctx, 'document.unexpected'));
    presentCurrent(ctx);
    return;
  }
  const maxBytes = step.max_bytes ?? ctx.opts.uploadMaxBytes;
  const accept = [...step.accept];
  // Size first: a file refused for its size before anyone read its bytes has no known type,
  // and "wrong format" would send the citizen looking for the wrong fix.
  if (file.size > maxBytes) {
    refuseFile(
      ctx,
      file,
      'invalid.document.size',
      { max: formatBytes(maxBytes, ctx.state.lang) },
      accept,
      maxBytes,
    );
    return;
  }
  if (file.problem) {
    refuseFile(ctx, file, `invalid.document.${file.problem}`, { types: typeNames(accept) }, accept, maxBytes);
    return;
  }
  if (!accept.includes(file.contentType)) {
    refuseFile(ctx, file, 'invalid.document.type', { types: typeNames(accept) }, accept, maxBytes);
    return;
  }
  ctx.state.misunderstood = 0;
  if (target.revisionOf) {
    emit(ctx, { kind: 'save_revision', trackingNumber: target.revisionOf, stepId: step.id, file });
    ctx.state.revision = undefined;
    note(ctx, t(ctx, 'revision.sending'));
    return;
  }
  const f = ctx.state.flow;
  if (!f) return;
  const files = [...(f.draft.documents[step.id] ?? []), file];
  f.draft.documents[step.id] = files;
  const label = stepLabel(ctx, target.flow.id, step.id);
  const count = files.length;
  const max = step.max_files;
  note(
    ctx,
    max === 1
      ? t(ctx, 'document.received_single', { label })
      : t(ctx, 'document.received', { label, count, max }),
  );
  if (count >= max) {
    advance(ctx);
    return;
  }
  const next = count >= step.min_files ? 'document.more_or_done' : 'document.more_needed';
  sayDocumentRequest(ctx, t(ctx, next, { remaining: step.min_files - count, max }), accept, maxBytes);
}
