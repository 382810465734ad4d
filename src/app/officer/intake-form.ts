import type { Catalog } from '../../catalog/catalog.js';
import { conditionHolds, conditionTerms } from '../../catalog/condition.js';
import type { Condition, Flow, Step, StepKind } from '../../catalog/flow-schema.js';
import { askKeys } from '../../catalog/message-keys.js';
import type { AnswerValue } from '../../domain/application.js';
import type { Ctx } from '../../dialogue/context.js';
import { t } from '../../dialogue/context.js';
import { optionLabel, serviceName, stepLabel } from '../../dialogue/flow-steps.js';
import { kelurahanByCode } from '../../dialogue/kelurahan-step.js';
import type { Lang, MenuOption } from '../../dialogue/types.js';
import type { Attempt } from '../../dialogue/attempt.js';
import { choiceAnswer, stepOptions, typedAnswer } from '../../dialogue/validate.js';

/** One field of the assisted-intake form, derived from a flow step (no form is written by hand). */
export interface IntakeField {
  stepId: string;
  kind: StepKind;
  label: string;
  /** The question the bot would ask, for the officer to read out to the citizen. */
  hint: string;
  optional: boolean;
  /** Choice and yes/no steps. */
  options: MenuOption[];
  /** The flow's `when:`; the form shows it in words and the page script hides the field when it fails. */
  when?: Condition;
  whenText?: string;
  maxLength?: number;
  accept?: string[];
  maxBytes?: number;
  minFiles?: number;
  maxFiles?: number;
}

/** A file as the form or the API received it, before the document store has seen it. */
export interface IntakeFile {
  filename: string;
  bytes: Buffer;
}

/** What the officer entered: every answer as text (select values are option values), files per step. */
export interface IntakeInput {
  answers: Readonly<Record<string, string | undefined>>;
  files: Readonly<Record<string, IntakeFile[] | undefined>>;
}

/** A checked submission: the answers as the chat would have stored them, and the files per document step. */
export interface CheckedIntake {
  answers: Record<string, AnswerValue>;
  documents: Array<{ step: Extract<Step, { kind: 'document' }>; files: IntakeFile[] }>;
}

/** A code the kelurahan field may carry directly (the datalist puts it in brackets). */
const KELURAHAN_CODE = /\b(\d{2}\.\d{2}\.\d{2}\.\d{4})\b/;

/**
 * A dialogue context for checking answers outside a chat: the engine's validators take one,
 * and reusing them is what keeps the form and the bot on one rule set (NIK, dates, rejections).
 */
export function formContext(catalog: Catalog, lang: Lang, at: Date, uploadMaxBytes: number): Ctx {
  return {
    catalog,
    opts: { uploadMaxBytes },
    state: { lang, consent: true, mode: 'bot', misunderstood: 0 },
    at: at.toISOString(),
    understand: () => ({ intent: 'none', confidence: 0, service: null, candidates: [], entities: {} }),
    prevMenu: undefined,
    replies: [],
    effects: [],
    pending: [],
  };
}

/** Chat markup (`*bold*`) does not belong in a form. */
function plain(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1');
}

function describeWhen(ctx: Ctx, flow: Flow, when: Condition): string {
  const { negated, terms } = conditionTerms(when);
  const parts = Object.entries(terms).map(([stepId, values]) => {
    const step = flow.steps.find((s) => s.id === stepId);
    const shown = values.map((v) => {
      if (step?.kind === 'choice') return optionLabel(ctx, flow.id, stepId, String(v));
      if (step?.kind === 'yes_no') return t(ctx, v === true ? 'word.yes' : 'word.no');
      return String(v);
    });
    return `${stepLabel(ctx, flow.id, stepId)}: ${shown.join(' / ')}`;
  });
  const en = ctx.state.lang === 'en';
  const joined = parts.join(en ? ' and ' : ' dan ');
  if (negated) return en ? `Only when not (${joined})` : `Hanya bila bukan (${joined})`;
  return en ? `Only when ${joined}` : `Hanya bila ${joined}`;
}

/** The form of a service, step by step, with labels and hints from locales/. */
export function intakeFields(ctx: Ctx, flow: Flow): IntakeField[] {
  return flow.steps.map((step) => {
    const field: IntakeField = {
      stepId: step.id,
      kind: step.kind,
      label: stepLabel(ctx, flow.id, step.id),
      hint: plain(t(ctx, askKeys(flow.id, step.id))),
      optional: step.optional,
      options: stepOptions(ctx, flow.id, step),
    };
    if (step.when) {
      field.when = step.when;
      field.whenText = describeWhen(ctx, flow, step.when);
    }
    if (step.kind === 'text') field.maxLength = step.max_length;
    if (step.kind === 'document') {
      field.accept = [...step.accept];
      field.maxBytes = step.max_bytes ?? ctx.opts.uploadMaxBytes;
      field.minFiles = step.min_files;
      field.maxFiles = step.max_files;
    }
    return field;
  });
}

/** The service's name in the form's language. */
export function intakeServiceName(ctx: Ctx, flow: Flow): string {
  return serviceName(ctx, flow.id);
}

function required(ctx: Ctx): string {
  return ctx.state.lang === 'en' ? 'Required.' : 'Wajib diisi.';
}

/** A typed or selected answer through the engine's own validators. */
function answerOf(ctx: Ctx, flow: Flow, step: Step, raw: string): Attempt {
  if (step.kind === 'choice' || step.kind === 'yes_no') {
    return (
      choiceAnswer(ctx, step, raw) ?? typedAnswer(ctx, flow.id, step, raw) // a typed label or "ya"/"tidak" from the API
    );
  }
  if (step.kind === 'kelurahan') {
    const code = KELURAHAN_CODE.exec(raw)?.[1];
    if (code) return kelurahanByCode(ctx, code);
  }
  return typedAnswer(ctx, flow.id, step, raw);
}

function refusal(ctx: Ctx, attempt: Attempt): string {
  if (attempt.kind === 'invalid') return plain(t(ctx, attempt.key, attempt.params));
  if (attempt.kind === 'pick') {
    const names = attempt.options.map((o) => o.label).join('; ');
    return ctx.state.lang === 'en'
      ? `Several kelurahan match: ${names}. Pick one from the list.`
      : `Ada beberapa kelurahan yang cocok: ${names}. Pilih salah satu dari daftar.`;
  }
  return required(ctx);
}

/**
 * Checks a form against its flow the way the chat would: steps in order, a step whose `when:`
 * fails for the answers so far is ignored (its value and files dropped), an applicable step
 * must be answered unless optional, and every answer goes through the engine's validators (NIK,
 * dates, the flow's rejections). File counts and sizes are checked here; types are sniffed from
 * the bytes by the document store. Returns the first problem per field.
 */
export function checkIntake(
  ctx: Ctx,
  flow: Flow,
  input: IntakeInput,
): { ok: true; value: CheckedIntake } | { ok: false; errors: Record<string, string> } {
  const answers: Record<string, AnswerValue> = {};
  const documents: CheckedIntake['documents'] = [];
  const errors: Record<string, string> = {};
  const en = ctx.state.lang === 'en';
  for (const step of flow.steps) {
    if (!conditionHolds(step.when, answers)) continue;
    if (step.kind === 'document') {
      const files = (input.files[step.id] ?? []).filter((f) => f.bytes.length > 0);
      const maxBytes = step.max_bytes ?? ctx.opts.uploadMaxBytes;
      if (files.length < step.min_files && !(step.optional && files.length === 0)) {
        errors[step.id] = en
          ? `Upload at least ${step.min_files} file(s).`
          : `Unggah minimal ${step.min_files} berkas.`;
      } else if (files.length > step.max_files) {
        errors[step.id] = en ? `At most ${step.max_files} file(s).` : `Maksimal ${step.max_files} berkas.`;
      } else if (files.some((f) => f.bytes.length > maxBytes)) {
        const max = `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`;
        errors[step.id] = plain(t(ctx, 'invalid.document.size', { max }));
      } else if (files.length > 0) {
        documents.push({ step, files });
      }
      continue;
    }
    const raw = (input.answers[step.id] ?? '').trim();
    if (raw === '') {
      if (step.optional) answers[step.id] = null;
      else errors[step.id] = required(ctx);
      continue;
    }
    const attempt = answerOf(ctx, flow, step, raw);
    if (attempt.kind === 'value') answers[step.id] = attempt.value;
    else errors[step.id] = refusal(ctx, attempt);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { answers, documents } };
}
