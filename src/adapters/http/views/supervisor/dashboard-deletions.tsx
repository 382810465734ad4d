import type { PendingDeletions } from '../../../../ports/deletion-request-repository.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { tdr } from '../../data-request-i18n.js';
import { fmtWib } from '../audit-table.js';

/**
 * The dashboard's line on citizens' deletion requests: how many wait and the nearest deadline
 * (3×24 hours from each request), in red once it has passed, linking to the page that decides them.
 */
export function DeletionsSection({
  lang,
  pending,
  now,
}: {
  lang: ConsoleLang;
  pending: PendingDeletions;
  now: Date;
}) {
  const due = pending.nearestDueAt;
  const late = due !== undefined && due < now;
  return (
    <section id="dashboard-deletions">
      <h2>{tdr(lang, 'title')}</h2>
      {pending.count === 0 ? (
        <p>{tdr(lang, 'dashboardNone')}</p>
      ) : (
        <p class={late ? 'flash error' : undefined}>
          <a href="/console/data-requests">{tdr(lang, 'dashboardPending', { count: pending.count })}</a>
          {due ? `, ${tdr(lang, 'dashboardNearest', { due: fmtWib(due) })}` : ''}
          {late ? <strong> ({tdr(lang, 'overdue')})</strong> : null}
        </p>
      )}
    </section>
  );
}
