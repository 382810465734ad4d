import type { TransferChoices } from '../../../app/officer/transfer-choices.js';
import {
  CLOSE_RESOLUTIONS,
  type HandoffTicket,
  type InternalNote,
} from '../../../ports/handoff-repository.js';
import type { ConsoleLang } from '../console-i18n.js';
import { outcomeLabel, tWorkspace } from '../workspace-i18n.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';

/** What the workspace part of the conversation page needs besides the ticket. */
export interface WorkspaceProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  choices: TransferChoices;
}

/** Names for a transfer note's target: officers by id, and the offices. */
export type NoteNames = Pick<TransferChoices, 'names' | 'offices'>;

function transferLine(lang: ConsoleLang, n: InternalNote, choices: NoteNames): string | null {
  if (!n.transfer) return null;
  const to = n.transfer.toOfficerId
    ? (choices.names[n.transfer.toOfficerId] ?? n.transfer.toOfficerId)
    : (choices.offices.find((o) => o.id === n.transfer?.toOfficeId)?.name ?? n.transfer.toOfficeId);
  return `${tWorkspace(lang, 'transferred')} ${to ?? '-'}: `;
}

/** One note (a transfer says to whom); the page and its event stream render it alike. */
export function NoteItem(p: { lang: ConsoleLang; note: InternalNote; index: number; names: NoteNames }) {
  const n = p.note;
  return (
    <li class={n.transfer ? 'note transfer-note' : 'note'} id={`note-${p.index}`}>
      <small>{`${fmtUtc(n.at)} · ${n.officerName}`}</small>
      <br />
      {transferLine(p.lang, n, p.names)}
      {n.text}
    </li>
  );
}

/** Officers-only notes, oldest first (transfers included, saying to whom), and a form to add one. */
export function NotesSection({ lang, csrf, ticket: tk, choices }: WorkspaceProps) {
  const notes = tk.notes ?? [];
  return (
    <section id="notes" class="card notes">
      <h2>{tWorkspace(lang, 'notes')}</h2>
      <ol class="notes-list" id="notes-list">
        {notes.length === 0 ? <li class="no-notes">{tWorkspace(lang, 'noNotes')}</li> : null}
        {notes.map((n, index) => (
          <NoteItem lang={lang} note={n} index={index} names={choices} />
        ))}
      </ol>
      {tk.status === 'closed' ? null : (
        <form method="post" action={`/console/handoffs/${tk.id}/notes`} id="note-form" data-live>
          <CsrfField token={csrf} />
          <textarea
            name="text"
            rows={2}
            required
            maxlength={1000}
            placeholder={tWorkspace(lang, 'notePlaceholder')}
          />
          <button type="submit">{tWorkspace(lang, 'addNote')}</button>
        </form>
      )}
    </section>
  );
}

/** Transfer to an officer or an office queue (one select, `officer:<id>` or `office:<id>`), with a note. */
export function TransferForm({ lang, csrf, ticket: tk, choices }: WorkspaceProps) {
  return (
    <form
      method="post"
      action={`/console/handoffs/${tk.id}/transfer`}
      class="card"
      id="transfer-form"
      data-live
    >
      <CsrfField token={csrf} />
      <h2>{tWorkspace(lang, 'transfer')}</h2>
      <label>
        {tWorkspace(lang, 'transferTo')}
        <select name="target" required>
          <option value="">{tWorkspace(lang, 'choose')}</option>
          <optgroup label={tWorkspace(lang, 'transferOfficers')}>
            {choices.officers.map((o) => (
              <option value={`officer:${o.id}`}>{`${o.displayName} (${o.officeId})`}</option>
            ))}
          </optgroup>
          <optgroup label={tWorkspace(lang, 'transferOffices')}>
            {choices.offices.map((o) => (
              <option value={`office:${o.id}`}>{`${o.name} (${o.id})`}</option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        {tWorkspace(lang, 'transferNote')}
        <textarea name="note" rows={2} required maxlength={1000} />
      </label>
      <button type="submit">{tWorkspace(lang, 'transfer')}</button>
    </form>
  );
}

/** Hand back to the bot: the citizen continues their application where they were. */
export function HandBackForm({ lang, csrf, id }: { lang: ConsoleLang; csrf: string; id: string }) {
  return (
    <form
      method="post"
      action={`/console/handoffs/${id}/hand-back`}
      class="inline"
      id="hand-back-form"
      data-live
    >
      <CsrfField token={csrf} />
      <button>{tWorkspace(lang, 'handBack')}</button>
    </form>
  );
}

/** Close with a required resolution: the dashboard counts each one. */
export function CloseForm(p: { lang: ConsoleLang; csrf: string; id: string; label: string }) {
  const { lang, csrf, id } = p;
  return (
    <form method="post" action={`/console/handoffs/${id}/close`} class="inline" id="close-form" data-live>
      <CsrfField token={csrf} />
      <label>
        {tWorkspace(lang, 'resolution')}{' '}
        <select name="resolution" required>
          <option value="">{tWorkspace(lang, 'choose')}</option>
          {CLOSE_RESOLUTIONS.map((r) => (
            <option value={r}>{outcomeLabel(lang, r)}</option>
          ))}
        </select>
      </label>{' '}
      <button>{p.label}</button>
    </form>
  );
}
