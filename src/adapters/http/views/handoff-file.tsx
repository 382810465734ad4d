import type { AttachTarget } from '../../../app/officer/attach-handoff-file.js';
import type { TranscriptAttachment } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { CsrfField } from './csrf-field.js';

/** Image types a browser shows in an `<img>`; the rest (PDF) open as a link. */
const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A citizen's voice note: played in place, since Loket cannot listen to it for the officer. */
function isAudio(contentType: string): boolean {
  return contentType.startsWith('audio/');
}

/** "320 KB", "1.4 MB": a file's size as the officer reads it. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Where the console serves a conversation's file (the officer's session and scope are checked there). */
export function handoffFileUrl(ticketId: string, documentId: string): string {
  return `/console/handoffs/${ticketId}/files/${documentId}`;
}

/** What a transcript file line shows: the file, and where it may be added when it fits somewhere. */
export interface TranscriptFileProps {
  lang: ConsoleLang;
  csrf: string;
  ticketId: string;
  file: TranscriptAttachment;
  /** The citizen's open applications' document steps; empty, no picker. */
  targets: readonly AttachTarget[];
}

/**
 * A file in the transcript: a small preview of a photo (a link to the full one), a player for a
 * voice note, or a link to a PDF, then the picker that adds it to one of the citizen's
 * applications (not for a voice note: no step takes audio).
 */
export function TranscriptFile({ lang, csrf, ticketId, file, targets }: TranscriptFileProps) {
  const url = handoffFileUrl(ticketId, file.documentId);
  if (isAudio(file.contentType))
    return (
      <div class="transcript-file">
        <audio controls preload="none" src={url} title={file.filename}>
          <a href={url} target="_blank" rel="noopener">{`🎤 ${file.filename} (${sizeText(file.size)})`}</a>
        </audio>
      </div>
    );
  return (
    <div class="transcript-file">
      {PREVIEWABLE.has(file.contentType) ? (
        <a href={url} target="_blank" rel="noopener" title={t(lang, 'openFile')}>
          <img src={url} alt={file.filename} loading="lazy" />
        </a>
      ) : (
        <a href={url} target="_blank" rel="noopener">{`📄 ${file.filename} (${sizeText(file.size)})`}</a>
      )}
      {targets.length > 0 ? (
        <details>
          <summary>{t(lang, 'attachFile')}</summary>
          <form method="post" action={`${url}/attach`} class="inline" data-live>
            <CsrfField token={csrf} />
            <label>
              {t(lang, 'attachTo')}{' '}
              <select name="target" required>
                {targets.map((tg) => (
                  <option
                    value={`${tg.applicationId}:${tg.stepId}`}
                  >{`${tg.trackingNumber} · ${tg.stepLabel}`}</option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">{t(lang, 'attachFile')}</button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

/** The officer's upload to the citizen: a photo or PDF and an optional caption, as multipart. */
export function SendFileForm({
  lang,
  csrf,
  ticketId,
}: {
  lang: ConsoleLang;
  csrf: string;
  ticketId: string;
}) {
  return (
    <form
      method="post"
      action={`/console/handoffs/${ticketId}/files`}
      data-live
      enctype="multipart/form-data"
      class="card"
      id="send-file-form"
    >
      <CsrfField token={csrf} />
      <label>
        {t(lang, 'fileToSend')}
        <input type="file" name="file" required accept="image/jpeg,image/png,application/pdf" />
      </label>
      <label>
        {t(lang, 'fileCaption')}
        <input type="text" name="caption" maxlength={1000} />
      </label>
      <button type="submit">{t(lang, 'sendFile')}</button>
    </form>
  );
}
