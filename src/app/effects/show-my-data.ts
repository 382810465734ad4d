import type { MyDataView, SystemEvent } from '../../dialogue/types.js';
import type { ChatAddress } from '../../domain/application.js';
import { maskNik } from '../../domain/nik.js';
import type { OutgoingFile } from '../../ports/channel-sender.js';
import { type ChatData, DEFAULT_DRAFT_DAYS, readChatData } from '../privacy/chat-data.js';
import { exportFile } from '../privacy/export-file.js';
import type { SendFileToChat } from '../officer/send-file-to-chat.js';
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
  | 'sendFile'
  | 'citizenActorId'
  | 'retentionDays'
  | 'draftDays'
>;

/**
 * "data saya": what Loket holds about this chat (UU 27/2022's right of access). The export file
 * with all of it goes to the chat first, through the channel's file sending; the engine then words
 * the summary, NIKs masked. Audited without the data itself.
 */
export async function showMyData(
  deps: MyDataDeps,
  _effect: EffectOf<'show_my_data'>,
  { msg, state }: EffectContext,
): Promise<SystemEvent[]> {
  const chat: ChatAddress = { channel: msg.channel, chatId: msg.chatId };
  const data = await readChatData(deps, chat, state.flow?.draft);
  const file = exportFile(data, chat, msg.at, state.lang);
  const sent = await trySend(deps, chat, file);
  await deps.events.append({
    type: 'privacy.data_exported',
    actor: citizenOf(deps, msg),
    at: msg.at,
    data: {
      applications: data.applications.length,
      handoffs: data.handoffs.length,
      draft: data.draft !== undefined,
      fileSent: sent,
      bytes: file.bytes.length,
    },
  });
  const view = viewOf(data, {
    retentionDays: deps.retentionDays ?? DEFAULT_RETENTION_DAYS,
    draftDays: deps.draftDays ?? DEFAULT_DRAFT_DAYS,
  });
  return [{ kind: 'my_data', view: sent ? { ...view, file: file.filename } : view }];
}

async function trySend(
  deps: { sendFile?: SendFileToChat; logger: MyDataDeps['logger'] },
  chat: ChatAddress,
  file: OutgoingFile,
): Promise<boolean> {
  if (!deps.sendFile) return false;
  try {
    await deps.sendFile(chat, file);
    return true;
  } catch (err) {
    deps.logger.warn({ err, channel: chat.channel }, 'data export file not delivered');
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
