import type { IntakeField } from '../../../../app/officer/intake-form.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ti } from '../../intake-i18n.js';
import { OptionList } from '../option-list.js';

/** What every input of one field shares: its name, its id for the label, and whether it is required. */
interface Common {
  name: string;
  id: string;
  required: boolean;
}

/**
 * The input of one form field, by the step's kind. A conditional step is never `required` in
 * HTML: the page script hides it when its condition fails, and the server checks it anyway.
 */
export function FieldInput({ field, value, lang }: { field: IntakeField; value: string; lang: ConsoleLang }) {
  const c: Common = {
    name: field.stepId,
    id: `f-${field.stepId}`,
    required: !(field.optional || field.when),
  };
  switch (field.kind) {
    case 'choice':
      return (
        <select {...c}>
          <option value="" />
          <OptionList options={field.options.map((o) => [o.value, o.label] as const)} current={value} />
        </select>
      );
    case 'yes_no':
      return <YesNo field={field} value={value} required={c.required} />;
    case 'nik':
      return <input {...c} inputmode="numeric" autocomplete="off" maxlength={24} value={value} />;
    case 'date':
      return <input type="date" {...c} value={value} />;
    case 'phone':
      return <input type="tel" {...c} autocomplete="off" value={value} />;
    case 'number':
      return <input {...c} inputmode="decimal" value={value} />;
    case 'kelurahan':
      return <input {...c} list="kelurahan-list" autocomplete="off" value={value} />;
    case 'document':
      return <FileInput field={field} common={c} lang={lang} />;
    case 'text':
      return <input {...c} maxlength={field.maxLength ?? 200} value={value} />;
  }
}

/** Two radio buttons; the label wraps each so a tap on the word picks it. */
function YesNo({ field, value, required }: { field: IntakeField; value: string; required: boolean }) {
  return (
    <span class="choices">
      {field.options.map((o) => (
        <label class="inline-choice">
          <input
            type="radio"
            name={field.stepId}
            value={o.value}
            checked={o.value === value}
            required={required}
          />{' '}
          {o.label}
        </label>
      ))}
    </span>
  );
}

/** A file picker, with the accepted types, the size limit and the file count in words below it. */
function FileInput({ field, common, lang }: { field: IntakeField; common: Common; lang: ConsoleLang }) {
  const accept = field.accept ?? [];
  const maxFiles = field.maxFiles ?? 1;
  const mb = Math.round(((field.maxBytes ?? 0) / (1024 * 1024)) * 10) / 10;
  const types = accept.map((m) => m.split('/')[1]?.toUpperCase() ?? m).join(', ');
  const count = maxFiles > 1 ? ` · ${field.minFiles ?? 1}-${maxFiles} ${ti(lang, 'files')}` : '';
  return (
    <>
      <input type="file" {...common} accept={accept.join(',')} multiple={maxFiles > 1} />
      <small>{`${types} · ${ti(lang, 'maxSize', { mb })}${count}`}</small>
    </>
  );
}
