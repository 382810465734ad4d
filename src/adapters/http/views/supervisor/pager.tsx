import type { ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';

/** Which slice of a list a page shows. */
export interface Paging {
  offset: number;
  limit: number;
}

/** Pager links that keep the current filters: previous, "from-to / total", next. */
export function Pager({
  lang,
  path,
  query,
  paging: { offset, limit },
  total,
}: {
  lang: ConsoleLang;
  path: string;
  /** The page's filters as the form sent them; its own offset and limit are replaced. */
  query: Readonly<Record<string, string>>;
  paging: Paging;
  total: number;
}) {
  const { offset: _o, limit: _l, ...filters } = query;
  const href = (o: number) =>
    `${path}?${new URLSearchParams({ ...filters, offset: String(o), limit: String(limit) }).toString()}`;
  const shown = total === 0 ? '0' : `${offset + 1}-${Math.min(offset + limit, total)}`;
  return (
    <p class="pager">
      {offset > 0 ? <a href={href(Math.max(0, offset - limit))}>{ts(lang, 'previous')}</a> : null}{' '}
      <span>{`${shown} / ${total}`}</span>{' '}
      {offset + limit < total ? <a href={href(offset + limit)}>{ts(lang, 'next')}</a> : null}
    </p>
  );
}
