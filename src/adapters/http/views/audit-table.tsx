import { shortPseudonym } from '../../../app/citizen-actor.js';
import type { AuditEntry } from '../../../app/officer/search-audit.js';
import { jakartaDate, jakartaMinutes } from '../../../domain/jakarta-time.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { ts } from '../supervisor-i18n.js';
import { DataTable } from './data-table.js';

/** An instant on the Jakarta wall clock, "YYYY-MM-DD HH:MM". */
export function fmtWib(at: Date): string {
  const m = jakartaMinutes(at);
  return `${jakartaDate(at)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function JsonCell({ value }: { value: Record<string, unknown> | undefined }) {
  if (!value || Object.keys(value).length === 0) return <td />;
  return (
    <td>
      <code>{JSON.stringify(value)}</code>
    </td>
  );
}

function actorText(lang: ConsoleLang, e: AuditEntry): string {
  if (e.actorName) return e.actorName;
  if (e.actor.kind !== 'citizen') return `${e.actor.kind}:${e.actor.id}`;
  // A pseudonym (`warga:<digest>`); an id from before pseudonyms names the chat, masked.
  const short = shortPseudonym(e.actor.id);
  return short ? `${t(lang, 'citizen')} ${short}` : `citizen:${maskChat(e.actor.id)}`;
}

/** Audit rows: who, when, what, before/after. Read-only; used by the search page and application detail. */
export function AuditTable({ lang, entries }: { lang: ConsoleLang; entries: readonly AuditEntry[] }) {
  return (
    <DataTable
      class="audit"
      headers={[
        ts(lang, 'when'),
        ts(lang, 'who'),
        ts(lang, 'what'),
        ts(lang, 'before'),
        ts(lang, 'after'),
        ts(lang, 'detail'),
      ]}
      empty={t(lang, 'none')}
    >
      {entries.map((e) => (
        <tr>
          <td>{fmtWib(e.at)}</td>
          <td>{actorText(lang, e)}</td>
          <td>
            {e.type}
            {e.trackingNumber ? (
              <>
                <br />
                <small>
                  {e.applicationId ? (
                    <a href={`/console/applications/${e.applicationId}`}>{e.trackingNumber}</a>
                  ) : (
                    e.trackingNumber
                  )}
                </small>
              </>
            ) : null}
          </td>
          <JsonCell value={e.before} />
          <JsonCell value={e.after} />
          <JsonCell value={e.data} />
        </tr>
      ))}
    </DataTable>
  );
}
