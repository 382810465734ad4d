import type { ApiTokenListing } from '../../../app/officer/api-tokens.js';
import type { ConsoleLang } from '../console-i18n.js';
import { tt } from '../token-i18n.js';
import { fmtWib } from './audit-table.js';
import { CsrfField } from './csrf-field.js';

function TokenRow({ lang, csrf, token }: { lang: ConsoleLang; csrf: string; token: ApiTokenListing }) {
  return (
    <tr data-token={token.id}>
      <td>
        <code>{`${token.prefix}…`}</code>
      </td>
      <td>{fmtWib(token.createdAt)}</td>
      <td>{token.lastUsedAt ? fmtWib(token.lastUsedAt) : tt(lang, 'never')}</td>
      <td>{fmtWib(token.expiresAt)}</td>
      <td>{tt(lang, token.state)}</td>
      <td class="actions">
        {token.state === 'active' ? (
          <form method="post" action={`/console/tokens/${encodeURIComponent(token.id)}/revoke`}>
            <CsrfField token={csrf} />
            <button type="submit">{tt(lang, 'revoke')}</button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * An officer's API tokens: when made, last used and expiring, by a short prefix (the secret is
 * never stored, so never shown), with a revoke button per live token.
 */
export function ApiTokensView({
  lang,
  csrf,
  tokens,
  adminBack,
}: {
  lang: ConsoleLang;
  csrf: string;
  tokens: readonly ApiTokenListing[];
  adminBack: boolean;
}) {
  return (
    <>
      <p>{tt(lang, 'intro')}</p>
      {tokens.length === 0 ? (
        <p>{tt(lang, 'none')}</p>
      ) : (
        <table id="api-tokens">
          <thead>
            <tr>
              <th>{tt(lang, 'prefix')}</th>
              <th>{tt(lang, 'created')}</th>
              <th>{tt(lang, 'lastUsed')}</th>
              <th>{tt(lang, 'expires')}</th>
              <th>{tt(lang, 'state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow lang={lang} csrf={csrf} token={token} />
            ))}
          </tbody>
        </table>
      )}
      {adminBack ? (
        <p>
          <a href="/console/admin/officers">{tt(lang, 'back')}</a>
        </p>
      ) : null}
    </>
  );
}
