import type { OfficerListing } from '../../../../app/officer/manage-officers.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { fmtWib } from '../audit-table.js';
import { CsrfField } from '../csrf-field.js';

/** A one-button form posting to one of the officer's action routes. */
function ActionForm({
  officerId,
  action,
  csrf,
  label,
  active,
}: {
  officerId: string;
  action: 'active' | 'tokens' | 'tokens/revoke';
  csrf: string;
  label: string;
  /** For the enable/disable toggle: the state the button sets. */
  active?: boolean;
}) {
  return (
    <form method="post" action={`/console/admin/officers/${officerId}/${action}`} class="inline">
      <CsrfField token={csrf} />
      {active === undefined ? null : <input type="hidden" name="active" value={String(active)} />}
      <button>{label}</button>
    </form>
  );
}

function PasswordForm({ lang, officerId, csrf }: { lang: ConsoleLang; officerId: string; csrf: string }) {
  return (
    <form method="post" action={`/console/admin/officers/${officerId}/password`} class="inline">
      <CsrfField token={csrf} />
      <input
        name="password"
        type="password"
        minLength={10}
        required
        autocomplete="new-password"
        placeholder={ts(lang, 'newPassword')}
        aria-label={ts(lang, 'newPassword')}
      />
      <button>{ts(lang, 'resetPassword')}</button>
    </form>
  );
}

/** One account with its actions; an admin cannot disable their own account, so no toggle there. */
export function OfficerRow({
  lang,
  csrf,
  officer: o,
  isSelf,
}: {
  lang: ConsoleLang;
  csrf: string;
  officer: OfficerListing;
  isSelf: boolean;
}) {
  return (
    <tr data-username={o.username} class={o.active ? undefined : 'late'}>
      <td>{o.username}</td>
      <td>{o.displayName}</td>
      <td>
        {ts(lang, `role_${o.role}`)}
        {o.agencyId ? <code>{` ${o.agencyId}`}</code> : null}
      </td>
      <td>{o.officeId}</td>
      <td>
        {ts(lang, o.active ? 'active' : 'inactive')}
        {o.lockedUntil ? ` · ${ts(lang, 'locked')} ${fmtWib(o.lockedUntil)}` : null}
      </td>
      <td>
        <a href={`/console/admin/officers/${o.id}/tokens`}>{o.apiTokens}</a>
      </td>
      <td class="actions">
        {isSelf ? null : (
          <ActionForm
            officerId={o.id}
            action="active"
            csrf={csrf}
            label={ts(lang, o.active ? 'disable' : 'enable')}
            active={!o.active}
          />
        )}
        <PasswordForm lang={lang} officerId={o.id} csrf={csrf} />
        <ActionForm officerId={o.id} action="tokens" csrf={csrf} label={ts(lang, 'issueToken')} />
        {o.apiTokens ? (
          <ActionForm officerId={o.id} action="tokens/revoke" csrf={csrf} label={ts(lang, 'revokeTokens')} />
        ) : null}
      </td>
    </tr>
  );
}
