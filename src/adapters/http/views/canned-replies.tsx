import type { OfficeCannedReplies } from '../../../app/officer/canned-replies.js';
import type { ConsoleLang } from '../console-i18n.js';
import { tc } from '../context-i18n.js';
import { CsrfField } from './csrf-field.js';

/** What the canned-reply page needs. */
export interface CannedRepliesProps {
  lang: ConsoleLang;
  csrf: string;
  list: OfficeCannedReplies;
  /** The new reply's text as typed, when it was refused. */
  typed?: string;
  /** Field errors of a refused form, by field name. */
  errors?: Readonly<Record<string, string>>;
}

/**
 * A supervisor's page for their office's canned replies: each one editable and deletable in
 * place, and a form for a new one. Until the office keeps a list, the defaults are shown read only.
 */
export function CannedRepliesView({ lang, csrf, list, typed, errors = {} }: CannedRepliesProps) {
  return (
    <>
      <p>{`${tc(lang, 'cannedHelp')} (${list.officeId})`}</p>
      {list.own.length === 0 ? (
        <>
          <p class="note">{tc(lang, 'cannedDefaults')}</p>
          <ul class="canned-defaults">
            {list.defaults.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </>
      ) : (
        <ol class="canned-list">
          {list.own.map((r) => (
            <li>
              <form method="post" action={`/console/canned-replies/${r.id}`} class="card">
                <CsrfField token={csrf} />
                <textarea name="text" rows={2} required maxlength={1000} aria-label={tc(lang, 'cannedText')}>
                  {r.text}
                </textarea>
                <button type="submit">{tc(lang, 'save')}</button>
              </form>
              <form method="post" action={`/console/canned-replies/${r.id}/delete`} class="inline">
                <CsrfField token={csrf} />
                <button type="submit">{tc(lang, 'delete')}</button>
              </form>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action="/console/canned-replies" class="card" id="new-canned-reply">
        <CsrfField token={csrf} />
        <label for="canned-text">{tc(lang, 'cannedNew')}</label>
        <textarea id="canned-text" name="text" rows={3} required maxlength={1000}>
          {typed ?? ''}
        </textarea>
        {errors.text ? <p class="error">{errors.text}</p> : null}
        <button type="submit">{tc(lang, 'add')}</button>
      </form>
    </>
  );
}
