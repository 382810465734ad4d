import type { Step } from '../catalog/flow-schema.js';
import type { AnswerValue } from '../domain/application.js';
import type { Ctx } from './context.js';
import { emit, sayMenu, t } from './context.js';
import { formatDate } from './dates.js';
import { applies, flowOf, isAnswered, optionLabel, serviceName, stepLabel, stepOf } from './flow-steps.js';
import { describeKelurahan, villageTitle } from './kelurahan-step.js';
import { encode } from './menu-values.js';
import { maskNik } from './nik-check.js';
import { bullets } from './render.js';
import type { Draft, Lang, MenuOption } from './types.js';

function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

function display(ctx: Ctx, serviceId: string, step: Step, draft: Draft): string {
  if (step.kind === 'document') {
    const count = draft.documents[step.id]?.length ?? 0;
    return count === 0 ? t(ctx, 'summary.skipped') : t(ctx, 'summary.files', { count });
  }
  const value: AnswerValue | undefined = draft.answers[step.id];
  if (value === null || value === undefined) return t(ctx, 'summary.skipped');
  switch (step.kind) {
    case 'choice':
      return optionLabel(ctx, serviceId, step.id, String(value));
    case 'yes_no':
      return t(ctx, value === true ? 'word.yes' : 'word.no');
    case 'date':
      return formatDate(String(value), ctx.state.lang);
    case 'nik':
      return maskNik(String(value));
    case 'number':
      // Citizens read "5.000.000" and "72,5"; "5000000" is hard to check at a glance.
      return typeof value === 'number' ? formatNumber(value, ctx.state.lang) : String(value);
    case 'kelurahan': {
      const entry = ctx.catalog.kelurahan.get(String(value));
      return entry ? describeKelurahan(ctx, entry) : String(value);
    }
    default:
      return String(value);
  }
}

/**
 * A step's label, except that the plain "Kelurahan" of a village step says "Desa" when the chosen
 * village is a desa (a service's own label, such as a destination, is kept).
 */
function rowLabel(ctx: Ctx, serviceId: string, step: Step, draft: Draft): string {
  const label = stepLabel(ctx, serviceId, step.id);
  if (step.kind !== 'kelurahan' || label !== t(ctx, 'kelurahan.title_kelurahan')) return label;
  const entry = ctx.catalog.kelurahan.get(String(draft.answers[step.id]));
  return entry ? villageTitle(ctx, entry) : label;
}

/**
 * Every answer with its label (NIK masked), then a menu: confirm first, then "change X" for
 * each answer. Changing one returns here.
 */
export function showSummary(ctx: Ctx): void {
  const f = ctx.state.flow;
  const flow = flowOf(ctx, f?.draft.serviceId);
  if (!f || !flow) return;
  const shown = flow.steps.filter((s) => applies(s, f.draft) && isAnswered(s, f.draft));
  const rows = shown.map(
    (s) => `${rowLabel(ctx, flow.id, s, f.draft)}: ${display(ctx, flow.id, s, f.draft)}`,
  );
  const options: MenuOption[] = [
    { value: encode({ kind: 'confirm' }), label: t(ctx, 'summary.confirm_option') },
  ];
  for (const s of shown) {
    options.push({
      value: encode({ kind: 'edit', step: s.id }),
      label: t(ctx, 'summary.edit_option', { label: stepLabel(ctx, flow.id, s.id) }),
    });
  }
  const body = [
    t(ctx, 'summary.title', { service: serviceName(ctx, flow.id) }),
    bullets(rows),
    t(ctx, 'summary.instructions'),
  ];
  sayMenu(ctx, 'summary', body.join('\n\n'), options);
}

/** Whether the flow waits at the summary, where confirm and change are valid. */
export function atSummary(ctx: Ctx): boolean {
  const at = ctx.state.flow?.at;
  return at !== undefined && 'phase' in at && at.phase === 'summary';
}

/** Hands the draft to submission; the `submitted` event brings the tracking number. */
export function confirmDraft(ctx: Ctx): void {
  const f = ctx.state.flow;
  if (!f) return;
  emit(ctx, { kind: 'submit_application', draft: structuredClone(f.draft), lang: ctx.state.lang });
  f.at = { phase: 'confirm' };
  ctx.state.misunderstood = 0;
}

/**
 * Re-asks one step from the summary. A document step starts again from no files (the old
 * ones are discarded), since "change the photo" means send a new one.
 */
export function editAnswer(ctx: Ctx, stepId: string): Step | undefined {
  const f = ctx.state.flow;
  const flow = flowOf(ctx, f?.draft.serviceId);
  const step = flow && stepOf(flow, stepId);
  if (!f || !step || !applies(step, f.draft)) return undefined;
  if (step.kind === 'document') {
    for (const file of f.draft.documents[step.id] ?? [])
      emit(ctx, { kind: 'discard_document', documentId: file.documentId });
    delete f.draft.documents[step.id];
  }
  f.at = { step: step.id };
  f.returnToSummary = true;
  ctx.state.misunderstood = 0;
  return step;
}
