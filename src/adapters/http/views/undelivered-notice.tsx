import type { OutboxItem } from '../../../ports/outbox.js';
import type { ConsoleLang } from '../console-i18n.js';
import { ts } from '../supervisor-i18n.js';

/**
 * What the application detail page says on top when a status notice did not reach the citizen
 * (failed, or the citizen blocked the bot): staff must then tell them another way. Nothing when
 * every notice arrived.
 */
export function UndeliveredNotice({ lang, items }: { lang: ConsoleLang; items: readonly OutboxItem[] }) {
  if (items.length === 0) return null;
  const unreachable = items.some((i) => i.status === 'unreachable');
  return (
    <p class="flash error undelivered" role="status">
      <strong>{ts(lang, unreachable ? 'st_unreachable' : 'st_failed')}</strong>
      {`: ${ts(lang, unreachable ? 'unreachable' : 'failedNotice')} (${items.length})`}
    </p>
  );
}
