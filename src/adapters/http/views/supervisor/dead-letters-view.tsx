import type { DeadLetter } from '../../../../ports/dead-letter-store.js';
import type { PageResult } from '../../../../ports/page.js';
import { channelName, type ConsoleLang } from '../../console-i18n.js';
import { kindName, tdl } from '../../dead-letter-i18n.js';
import { maskChat } from '../../json-views.js';
import { fmtWib } from '../audit-table.js';
import { DataTable } from '../data-table.js';
import { Pager, type Paging } from './pager.js';

function DeadLetterRow({ lang, letter: l }: { lang: ConsoleLang; letter: DeadLetter }) {
  return (
    <tr>
      <td>{fmtWib(l.parkedAt)}</td>
      <td>{channelName(lang, l.channel)}</td>
      <td>{l.chatId ? maskChat(l.chatId) : '-'}</td>
      <td>{l.messageId}</td>
      <td>{kindName(lang, l.kind)}</td>
      <td>{l.attempts}</td>
      <td>
        <small>{l.error}</small>
      </td>
      <td>{l.notifiedAt ? tdl(lang, 'yes') : tdl(lang, 'no')}</td>
    </tr>
  );
}

/** The dead-letter page: messages parked after failing with the database healthy, newest first. */
export function DeadLettersView({
  lang,
  query,
  result,
  paging,
}: {
  lang: ConsoleLang;
  query: Readonly<Record<string, string>>;
  result: PageResult<DeadLetter>;
  paging: Paging;
}) {
  return (
    <>
      <p>{tdl(lang, 'help')}</p>
      <DataTable
        id="dead-letters"
        headers={[
          tdl(lang, 'when'),
          tdl(lang, 'channel'),
          tdl(lang, 'chat'),
          tdl(lang, 'messageId'),
          tdl(lang, 'kind'),
          tdl(lang, 'attempts'),
          tdl(lang, 'error'),
          tdl(lang, 'told'),
        ]}
        empty={tdl(lang, 'none')}
      >
        {result.items.map((l) => (
          <DeadLetterRow lang={lang} letter={l} />
        ))}
      </DataTable>
      <Pager lang={lang} path="/console/dead-letters" query={query} paging={paging} total={result.total} />
    </>
  );
}
