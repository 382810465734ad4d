import type { ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import type { OfficeFormValues, ServiceRow } from '../../office-schemas.js';

/**
 * The services table of the office form: a tick per service the office offers and its own SLA
 * where a local regulation differs. The hidden field says the table was on the form, so no tick
 * at all means "none" rather than "not shown".
 */
export function OfficeServices({
  lang,
  rows,
  values,
  errors,
  readOnly,
}: {
  lang: ConsoleLang;
  rows: readonly ServiceRow[];
  values: NonNullable<OfficeFormValues['offered']>;
  errors: Readonly<Record<string, string>>;
  readOnly: boolean;
}) {
  return (
    <>
      <h2>{to(lang, 'services')}</h2>
      <p>
        <small>{to(lang, 'servicesHelp')}</small>
      </p>
      <input type="hidden" name="services.shown" value="1" />
      <table id="office-services">
        <thead>
          <tr>
            <th>{to(lang, 'offered')}</th>
            <th>{to(lang, 'service')}</th>
            <th>{to(lang, 'catalogSla')}</th>
            <th>{to(lang, 'localSla')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <input
                  type="checkbox"
                  name="services"
                  value={r.id}
                  checked={values.services.includes(r.id)}
                  aria-label={r.name}
                  disabled={readOnly}
                />
              </td>
              <td>{r.name}</td>
              <td>{r.slaDays}</td>
              <td>
                <input
                  name={`sla.${r.id}`}
                  value={values.sla[r.id] ?? ''}
                  placeholder={String(r.slaDays)}
                  inputMode="numeric"
                  size={4}
                  aria-label={`${r.name} ${to(lang, 'localSla')}`}
                  disabled={readOnly}
                />
                {errors[`sla.${r.id}`] ? <span class="error">{errors[`sla.${r.id}`]}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.services ? <span class="error">{errors.services}</span> : null}
    </>
  );
}
