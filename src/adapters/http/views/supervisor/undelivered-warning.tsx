import type { OutboxItem } from '../../../../ports/outbox.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';

/** What the detail page says when a status notice did not reach the citizen; nothing when all did. */
export function UndeliveredWarning({ lang, items }: { lang: ConsoleLang; items: readonly OutboxItem[] }) {
  if (items.length === 0) return null;
  const unreachable = items.some((i) => i.status === 'unreachable');
  return (
    <p class="flash error undelivered" role="status">
      <strong>{ts(lang, unreachable ? 'st_unreachable' : 'st_failed')}</strong>
      {`: ${ts(lang, unreachable ? 'unreachable' : 'failedNotice')} (${items.length})`}
    </p>
  );
}
