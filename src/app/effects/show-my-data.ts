import type { MyDataView, SystemEvent } from '../../dialogue/types.js';
import type { ChatAddress } from '../../domain/application.js';
import { maskNik } from '../../domain/nik.js';
import { type ChatData, DEFAULT_DRAFT_DAYS, readChatData } from '../privacy/chat-data.js';
import { exportFilename } from '../privacy/export-file.js';
import { citizenOf, type EffectContext, type EffectDeps, type EffectOf } from './effect-deps.js';

/** Days finished applications are kept when RETENTION_DAYS is not given (the config's default). */
const DEFAULT_RETENTION_DAYS = 365;

type MyDataDeps = Pick<
  EffectDeps,
  | 'applications'
  | 'handoffs'
  | 'satisfaction'
  | 'deletionRequests'
  | 'events'
  | 'logger'
  | 'files'
  | 'citizenActorId'
  | 'retentionDays'
  | 'draftDays'
>;

/**
 * "data saya": what Loket holds about this chat (UU 27/2022's right of access). The export file
 * with all of it is recorded on the outbound path ahead of the answer, so the chat gets it first
 * and the answer waits behind it while it is retried; the row names the export only (it holds
 * the citizen's data in plain text, so it is made again when sent, never stored). The engine
 * words the summary, NIKs masked. Audited without the data itself.
 */
export async function showMyData(
  deps: MyDataDeps,
  _effect: EffectOf<'show_my_data'>,
  { msg, state }: EffectContext,
): Promise<SystemEvent[]> {
  const chat: ChatAddress = { channel: msg.channel, chatId: msg.chatId };
  const data = await readChatData(deps, chat, state.flow?.draft);
  const recorded = await tryRecord(deps, msg, state.lang);
  await deps.events.append({
    type: 'privacy.data_exported',
    actor: citizenOf(deps, msg),
    at: msg.at,
    data: {
      applications: data.applications.length,
      handoffs: data.handoffs.length,
      draft: data.draft !== undefined,
      fileRecorded: recorded,
    },
  });
  const view = viewOf(data, {
    retentionDays: deps.retentionDays ?? DEFAULT_RETENTION_DAYS,
    draftDays: deps.draftDays ?? DEFAULT_DRAFT_DAYS,
  });
  return [{ kind: 'my_data', view: recorded ? { ...view, file: exportFilename(msg.at) } : view }];
}

/** Records the export for the chat, keyed on the message that asked (a retried turn adds nothing). */
async function tryRecord(
  deps: Pick<MyDataDeps, 'files' | 'logger'>,
  msg: EffectContext['msg'],
  lang: EffectContext['state']['lang'],
): Promise<boolean> {
  if (!deps.files) return false;
  try {
    await deps.files.record({
      chat: { channel: msg.channel, chatId: msg.chatId },
      key: `export:${msg.channel}:${msg.chatId}:${msg.messageId}`,
      file: { kind: 'export', lang },
      createdAt: msg.at,
    });
    return true;
  } catch (err) {
    deps.logger.warn({ err, channel: msg.channel }, 'data export file not recorded');
    return false;
  }
}

/** The summary the citizen reads: counts and dates, the NIK masked. */
function viewOf(data: ChatData, days: { retentionDays: number; draftDays: number }): MyDataView {
  const draft = data.draft;
  return {
    ...(draft
      ? {
          draft: {
            serviceId: draft.serviceId,
            answers: Object.keys(draft.answers).length,
            documents: Object.values(draft.documents).reduce((n, files) => n + files.length, 0),
          },
        }
      : {}),
    applications: data.applications.map((a) => ({
      trackingNumber: a.trackingNumber,
      serviceId: a.serviceId,
      status: a.status,
      submittedAt: a.createdAt.toISOString(),
      ...(a.erasedAt ? {} : { nik: maskNik(a.applicant.nik) }),
    })),
    handoffs: { count: data.handoffs.length, dates: data.handoffs.map((h) => h.createdAt.toISOString()) },
    satisfaction: data.satisfaction.length,
    ...days,
    ...(data.pendingDeletion ? { deletionDueAt: data.pendingDeletion.dueAt.toISOString() } : {}),
  };
}
