import type { Logger } from '../../config/logger.js';
import type { ChannelSender, OutgoingFile, SendOptions, SendResult } from '../../ports/channel-sender.js';
import { classifyGraphError, isWindowClosed } from './errors.js';
import type { GraphClient } from './graph.js';
import { renderReplies, type CloudContent } from './render.js';

/** Types the Cloud API shows inline as an image; anything else goes as a document with its name. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const CAPTION_LIMIT = 1024;

/** The channel name this sender serves (docs/decisions/0012-whatsapp-cloud-channel.md). */
export const WA_CLOUD = 'wa_cloud' as const;

/** The Cloud API sender: the channel-sender port, and approved templates for the few messages that need one. */
export interface CloudSender extends ChannelSender {
  /** Sends an approved template (its body parameters in order) to `to`, whatever the window. */
  sendTemplate(to: string, template: TemplateName, params: readonly string[]): Promise<SendResult>;
}

/** An approved template: its name and the language code it was approved in. */
export interface TemplateName {
  name: string;
  lang: string;
}

/**
 * When the citizen last wrote to this number: Meta's 24-hour customer service window runs from
 * it. Absent, the sender learns a closed window from Meta's refusal (131047) instead.
 */
export interface CloudWindow {
  lastInbound(to: string): Promise<Date | undefined>;
  now(): Date;
}

/** Meta's customer service window, less a minute so a message sent at its edge is not refused. */
const WINDOW_MS = 24 * 3600_000 - 60_000;

/** Raised before any Graph call when a free-form message would fall outside the window. */
class OutsideWindowError extends Error {
  override readonly name = 'OutsideWindowError';
}

/** The console's words for a message only a template could have carried. */
const WINDOW_REASON =
  'jendela 24 jam tertutup / 24-hour window closed: only a template can reach this citizen';

/**
 * The Cloud API side of the channel-sender port: each reply is one POST to
 * `/{phone-number-id}/messages`; a file is uploaded to `/{phone-number-id}/media` first and sent
 * by its media id (a link would need a public URL). With a `window`, the sender decides before
 * sending: inside the 24-hour window free-form; outside it a status notice goes as the approved
 * template and anything else fails for good with the reason, without a call to Meta. Meta's
 * 131047 (clock skew, or no window known) still turns a status notice into the template. A
 * failure is classified so the outbound path retries only what can succeed later.
 */
export function createCloudSender(
  graph: GraphClient,
  phoneNumberId: string,
  logger: Logger,
  template?: StatusTemplate,
  window?: CloudWindow,
): CloudSender {
  const messages = `/${phoneNumberId}/messages`;
  const post = (to: string, content: object) =>
    graph.post(messages, { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...content });
  const attempt = async (chatId: string, run: () => Promise<string[]>): Promise<SendResult> => {
    try {
      const providerIds = await run();
      return providerIds.length > 0 ? { ok: true, providerIds } : { ok: true };
    } catch (err) {
      const reason = err instanceof OutsideWindowError ? 'failed' : classifyGraphError(err);
      const error =
        err instanceof OutsideWindowError
          ? `${err.message} (${WINDOW_REASON})`
          : isWindowClosed(err)
            ? `${errorText(err)} (${WINDOW_REASON})`
            : errorText(err);
      logger.warn(
        { err: { message: error }, reason, chat: `…${chatId.slice(-4)}` },
        'whatsapp cloud send failed',
      );
      return { ok: false, reason, error };
    }
  };
  const windowOpen = async (to: string): Promise<boolean> => {
    if (!window) return true;
    const last = await window.lastInbound(to);
    return last !== undefined && window.now().getTime() - last.getTime() < WINDOW_MS;
  };
  // Outside the window only an approved template reaches the citizen: a status notice goes as
  // one; any other message fails with the reason shown in the console.
  const asTemplate = async (to: string, options: SendOptions | undefined): Promise<string[]> => {
    const params = await templateParams(template, options);
    if (!template || !params) throw new OutsideWindowError('outside the 24-hour window');
    return wamids(await post(to, templateContent(template, params)));
  };
  return {
    channel: WA_CLOUD,
    send: (chatId, replies, options) =>
      attempt(chatId, async () => {
        if (!(await windowOpen(chatId))) return asTemplate(chatId, options);
        const ids: string[] = [];
        try {
          for (const content of renderReplies(replies))
            ids.push(...wamids(await post(chatId, content satisfies CloudContent)));
        } catch (err) {
          // Our clock and Meta's disagree, or no window is known: Meta's refusal decides.
          if (!isWindowClosed(err) || ids.length > 0) throw err;
          return asTemplate(chatId, options).catch((e: unknown) => {
            throw e instanceof OutsideWindowError ? err : e;
          });
        }
        return ids;
      }),
    sendFile: (chatId, file) =>
      attempt(chatId, async () => {
        if (!(await windowOpen(chatId))) throw new OutsideWindowError('a file outside the 24-hour window');
        const id = await uploadMedia(graph, phoneNumberId, file);
        const caption = file.caption ? { caption: file.caption.slice(0, CAPTION_LIMIT) } : {};
        return wamids(
          await post(
            chatId,
            IMAGE_TYPES.has(file.contentType)
              ? { type: 'image', image: { id, ...caption } }
              : { type: 'document', document: { id, filename: file.filename, ...caption } },
          ),
        );
      }),
    sendTemplate: (to, name, params) =>
      attempt(to, async () => wamids(await post(to, templateContent(name, params)))),
  };
}

/** Uploads a file's bytes as WhatsApp media; answers its media id. */
async function uploadMedia(graph: GraphClient, phoneNumberId: string, file: OutgoingFile): Promise<string> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.contentType);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
  const answer = (await graph.upload(`/${phoneNumberId}/media`, form)) as { id?: unknown };
  if (typeof answer?.id !== 'string') throw new Error('media upload answered without an id');
  return answer.id;
}

/**
 * The approved utility template for status notices outside the 24-hour window, and how to fill
 * its body parameters (tracking number, status, due date) for an outbound record.
 */
export interface StatusTemplate extends TemplateName {
  /** The parameters for the record `messageId`, or undefined when it is no status notice. */
  paramsFor(messageId: string): Promise<string[] | undefined>;
}

async function templateParams(
  template: StatusTemplate | undefined,
  options: SendOptions | undefined,
): Promise<string[] | undefined> {
  if (!template || !options?.messageId) return undefined;
  return template.paramsFor(options.messageId);
}

function templateContent(template: TemplateName, params: readonly string[]): object {
  return {
    type: 'template',
    template: {
      name: template.name,
      language: { code: template.lang },
      ...(params.length > 0
        ? { components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] }
        : {}),
    },
  };
}

/** The wamids a send answered with: its delivery receipts name them. */
function wamids(answer: unknown): string[] {
  const messages = (answer as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((m) =>
    typeof (m as { id?: unknown }).id === 'string' ? [(m as { id: string }).id] : [],
  );
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
