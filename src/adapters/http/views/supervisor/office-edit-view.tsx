import { WEEKDAYS, type Office, type Weekday } from '../../../../domain/office.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import type { OfficeFormValues, ServiceRow } from '../../office-schemas.js';
import { CsrfField } from '../csrf-field.js';
import { HolidayList } from './holiday-list.js';
import { OfficeServices } from './office-services.js';

function FieldError({ text }: { text: string | undefined }) {
  return text ? <span class="error">{text}</span> : null;
}

/** Week rows start on Monday, as Indonesian offices publish their hours. */
const WEEK: readonly Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

/** One weekday's row: the closed box and up to three open-close periods. */
function DayRow({
  lang,
  day,
  values,
  errors,
  readOnly,
}: {
  lang: ConsoleLang;
  day: Weekday;
  values: OfficeFormValues['hours'][Weekday];
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
}) {
  const dayErrors = Object.entries(errors).filter(([k]) => k.startsWith(`hours.${day}.`));
  return (
    <tr id={`day-${day}`}>
      <th scope="row">{to(lang, `day_${day}`)}</th>
      <td>
        <label>
          <input type="checkbox" name={`hours.${day}.closed`} checked={values.closed} disabled={readOnly} />{' '}
          {to(lang, 'closed')}
        </label>
      </td>
      {values.periods.map((p, i) => (
        <td>
          <input
            name={`hours.${day}.periods.${i}.open`}
            value={p.open}
            placeholder="JJ:MM"
            inputMode="numeric"
            size={5}
            aria-label={`${to(lang, `day_${day}`)} ${i + 1} ${to(lang, 'open')}`}
            disabled={readOnly}
          />
          {'–'}
          <input
            name={`hours.${day}.periods.${i}.close`}
            value={p.close}
            placeholder="JJ:MM"
            inputMode="numeric"
            size={5}
            aria-label={`${to(lang, `day_${day}`)} ${i + 1} ${to(lang, 'close')}`}
            disabled={readOnly}
          />
        </td>
      ))}
      <td>
        {dayErrors.map(([, text]) => (
          <FieldError text={text} />
        ))}
      </td>
    </tr>
  );
}

/** The office's own holidays, below its form (a form of their own). */
function OfficeHolidays({
  lang,
  csrf,
  office,
  canEdit,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  office: Office;
  canEdit: boolean;
  form: { values: Readonly<Record<string, string>>; errors: Readonly<Record<string, string>> } | undefined;
}) {
  return (
    <>
      <h2>{to(lang, 'officeHolidays')}</h2>
      <p>
        <small>{to(lang, 'officeHolidaysHelp')}</small>
      </p>
      <HolidayList
        lang={lang}
        csrf={csrf}
        holidays={office.holidays ?? []}
        action={`/console/offices/${office.id}/holidays`}
        canEdit={canEdit}
        {...(form ?? {})}
      />
    </>
  );
}

/**
 * An office's data: an editable form for an admin, the same form disabled for a supervisor.
 * Field names are the error keys of office-schemas.ts, so each error sits beside its field.
 */
export function OfficeEditView({
  lang,
  csrf,
  office,
  values,
  errors,
  canEdit,
  holidayForm,
  services = [],
}: {
  lang: ConsoleLang;
  csrf: string;
  office: Office;
  values: OfficeFormValues;
  errors: Readonly<Record<string, string>>;
  canEdit: boolean;
  /** The add-a-holiday form as sent back with its errors. */
  holidayForm?: { values: Readonly<Record<string, string>>; errors: Readonly<Record<string, string>> };
  /** The catalog's services; none when the console runs without the catalog. */
  services?: readonly ServiceRow[];
}) {
  const readOnly = !canEdit;
  return (
    <>
      <form method="post" action={`/console/offices/${office.id}`} class="card" id="office-edit">
        <CsrfField token={csrf} />
        <p>
          {to(lang, 'code')}: <code>{office.id}</code> · {to(lang, 'level')}: {office.level}
        </p>
        {readOnly ? <p class="flash">{to(lang, 'readOnly')}</p> : null}
        <label>
          {to(lang, 'name')}
          <input name="name" required value={values.name} disabled={readOnly} />
        </label>
        <FieldError text={errors.name} />
        <label>
          {to(lang, 'address')}
          <input name="address" value={values.address} disabled={readOnly} />
        </label>
        <FieldError text={errors.address} />
        <label>
          {to(lang, 'phone')}
          <input name="phone" type="tel" value={values.phone} disabled={readOnly} />
        </label>
        <FieldError text={errors.phone} />
        <h2>{to(lang, 'hours')}</h2>
        <p>
          <small>{to(lang, 'hoursHelp')}</small>
        </p>
        <table id="office-hours">
          <tbody>
            {WEEK.map((d) => (
              <DayRow lang={lang} day={d} values={values.hours[d]} errors={errors} readOnly={readOnly} />
            ))}
          </tbody>
        </table>
        {services.length && values.offered ? (
          <OfficeServices
            lang={lang}
            rows={services}
            values={values.offered}
            errors={errors}
            readOnly={readOnly}
          />
        ) : null}
        {canEdit ? <button type="submit">{to(lang, 'save')}</button> : null}
      </form>
      <OfficeHolidays lang={lang} csrf={csrf} office={office} canEdit={canEdit} form={holidayForm} />
    </>
  );
}
