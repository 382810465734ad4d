import type { OutboxItem } from '../../ports/outbox.js';
import type { ConsoleLang } from './console-i18n.js';
import { renderFragment } from './views/html.js';
import { UndeliveredWarning } from './views/supervisor/undelivered-warning.js';

/**
 * The undelivered warning as markup, for the application detail page while that page is still
 * built as a string; a view uses `<UndeliveredWarning/>` itself.
 */
export function undeliveredNotice(lang: ConsoleLang, items: readonly OutboxItem[]): string {
  return renderFragment(<UndeliveredWarning lang={lang} items={items} />);
}
