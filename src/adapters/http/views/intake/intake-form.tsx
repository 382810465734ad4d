import type { IntakeField } from '../../../../app/officer/intake-form.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ti } from '../../intake-i18n.js';
import { CsrfField } from '../csrf-field.js';
import { FieldInput } from './field-input.js';
import { IntakeAssets } from './intake-assets.js';

/** What the intake form shows: the service, its fields, the values entered so far and any errors. */
export interface IntakeFormView {
  serviceId: string;
  serviceName: string;
  fields: IntakeField[];
  nonce: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Kelurahan suggestions for the datalist ("Gambir, Kec. Gambir (31.71.01.1001)"). */
  kelurahan: string[];
}

/** A field's error under it, announced to screen readers; nothing when the field is fine. */
function FieldError({ text }: { text: string | undefined }) {
  return text ? (
    <span class="error" role="alert">
      {text}
    </span>
  ) : null;
}

/**
 * The intake form, generated from the flow: one field per step, conditional ones marked with
 * `data-when` for the page script. Files never come back after an error (browsers forbid
 * setting a file input), so the flash asks for them again.
 */
export function IntakeForm({ lang, csrf, view }: { lang: ConsoleLang; csrf: string; view: IntakeFormView }) {
  const hasErrors = Object.keys(view.errors).length > 0;
  return (
    <>
      <IntakeAssets />
      {hasErrors ? <p class="flash error">{ti(lang, 'reselect')}</p> : null}
      <form
        method="post"
        action={`/console/intake/${view.serviceId}`}
        enctype="multipart/form-data"
        class="card intake-form"
        id="intake-form"
      >
        <CsrfField token={csrf} />
        <input type="hidden" name="_nonce" value={view.nonce} />
        <FieldError text={view.errors.nonce} />
        {view.fields.map((f) => (
          <FieldBlock
            lang={lang}
            field={f}
            value={view.values[f.stepId] ?? ''}
            error={view.errors[f.stepId]}
          />
        ))}
        <ContactFields lang={lang} values={view.values} errors={view.errors} />
        <button type="submit" id="intake-submit">
          {ti(lang, 'submit')}
        </button>
      </form>
      <datalist id="kelurahan-list">
        {view.kelurahan.map((k) => (
          <option value={k} />
        ))}
      </datalist>
    </>
  );
}

/** One step: label (a legend for yes/no), when it applies, the question, the input and its error. */
function FieldBlock(p: { lang: ConsoleLang; field: IntakeField; value: string; error: string | undefined }) {
  const f = p.field;
  const Tag = f.kind === 'yes_no' ? 'fieldset' : 'div';
  const optional = f.optional ? (
    <>
      {' '}
      <small>{ti(p.lang, 'optional')}</small>
    </>
  ) : null;
  return (
    <Tag
      class={p.error ? 'intake-field has-error' : 'intake-field'}
      data-step={f.stepId}
      data-kind={f.kind}
      data-when={f.when ? JSON.stringify(f.when) : undefined}
    >
      {f.kind === 'yes_no' ? (
        <legend>
          {f.label}
          {optional}
        </legend>
      ) : (
        <label for={`f-${f.stepId}`}>
          {f.label}
          {optional}
        </label>
      )}
      {f.whenText ? <small class="when">{f.whenText}</small> : null}
      <small class="hint">{f.hint}</small>
      <FieldInput field={f} value={p.value} lang={p.lang} />
      <FieldError text={p.error} />
    </Tag>
  );
}

/** Where the citizen wants status updates: a WhatsApp number or a Telegram chat id, both optional. */
function ContactFields(p: {
  lang: ConsoleLang;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <fieldset class="intake-contact">
      <legend>{ti(p.lang, 'contact')}</legend>
      <small class="hint">{ti(p.lang, 'contactHint')}</small>
      <label for="f-_whatsapp">{ti(p.lang, 'whatsapp')}</label>
      <input
        type="tel"
        name="_whatsapp"
        id="f-_whatsapp"
        autocomplete="off"
        value={p.values._whatsapp ?? ''}
      />
      <FieldError text={p.errors['contact.whatsapp']} />
      <label for="f-_telegram">{ti(p.lang, 'telegram')}</label>
      <input
        name="_telegram"
        id="f-_telegram"
        inputmode="numeric"
        autocomplete="off"
        value={p.values._telegram ?? ''}
      />
      <FieldError text={p.errors['contact.telegram']} />
    </fieldset>
  );
}
