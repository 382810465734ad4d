/**
 * What one webhook call carries, as far as Loket reads it. Meta batches: one call may hold
 * several entries, changes, messages and statuses.
 */
export interface CloudWebhook {
  messages: CloudInbound[];
  statuses: CloudStatus[];
}

/** A citizen's message, its content already sorted into what the use case can read and what it cannot. */
export interface CloudInbound {
  /** The wamid: Meta's id of the message, the idempotency key of a redelivery. */
  id: string;
  /** The citizen's WhatsApp id (their number, digits only): the chat. */
  from: string;
  at: Date;
  name?: string;
  content:
    | { kind: 'text'; text: string }
    | { kind: 'choice'; value: string }
    | { kind: 'media'; mediaId: string; filename: string; mimeType?: string; caption?: string; voice?: true }
    | { kind: 'reaction' }
    | { kind: 'unsupported'; type: string };
}

/** A delivery receipt of a message Loket sent. */
export interface CloudStatus {
  /** The wamid the send answered with. */
  id: string;
  state: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  recipient: string;
  /** Meta's first error code and title on a failure. */
  error?: { code: number; title: string };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads a webhook body; anything not understood is skipped, never thrown on. */
export function parseWebhook(body: unknown): CloudWebhook {
  const out: CloudWebhook = { messages: [], statuses: [] };
  for (const entry of arr(obj(body).entry))
    for (const change of arr(obj(entry).changes)) {
      const value = obj(obj(change).value);
      const names = new Map(
        arr(value.contacts).map((c) => [str(obj(c).wa_id) ?? '', str(obj(obj(c).profile).name)] as const),
      );
      for (const m of arr(value.messages)) {
        const parsed = parseMessage(obj(m), names);
        if (parsed) out.messages.push(parsed);
      }
      for (const s of arr(value.statuses)) {
        const parsed = parseStatus(obj(s));
        if (parsed) out.statuses.push(parsed);
      }
    }
  return out;
}

function parseMessage(m: Obj, names: Map<string, string | undefined>): CloudInbound | undefined {
  const id = str(m.id);
  const from = str(m.from);
  if (!id || !from || !/^\d{5,20}$/.test(from)) return undefined;
  const name = names.get(from);
  return { id, from, at: timeOf(m.timestamp), ...(name ? { name } : {}), content: contentOf(m) };
}

function contentOf(m: Obj): CloudInbound['content'] {
  const type = str(m.type) ?? 'unknown';
  if (type === 'text') {
    const text = str(obj(m.text).body);
    return text ? { kind: 'text', text } : { kind: 'unsupported', type };
  }
  if (type === 'interactive') {
    const i = obj(m.interactive);
    const value = str(obj(i.button_reply).id) ?? str(obj(i.list_reply).id);
    return value ? { kind: 'choice', value } : { kind: 'unsupported', type };
  }
  // A quick-reply button of a template: its payload is what it stands for, else its text.
  if (type === 'button') {
    const b = obj(m.button);
    const text = str(b.text) ?? str(b.payload);
    return text ? { kind: 'text', text } : { kind: 'unsupported', type };
  }
  if (type === 'image' || type === 'document') {
    const media = obj(m[type]);
    const mediaId = str(media.id);
    if (!mediaId) return { kind: 'unsupported', type };
    const mimeType = str(media.mime_type);
    const caption = str(media.caption);
    return {
      kind: 'media',
      mediaId,
      filename: str(media.filename) ?? `${type}-${mediaId}${extensionOf(mimeType)}`,
      ...(mimeType ? { mimeType } : {}),
      ...(caption ? { caption } : {}),
    };
  }
  // A voice note or audio file: Loket cannot listen, but an officer in a handoff can.
  if (type === 'audio') {
    const media = obj(m.audio);
    const mediaId = str(media.id);
    if (!mediaId) return { kind: 'unsupported', type };
    const mimeType = str(media.mime_type);
    return {
      kind: 'media',
      mediaId,
      filename: `pesan-suara-${mediaId}${extensionOf(mimeType)}`,
      ...(mimeType ? { mimeType } : {}),
      voice: true,
    };
  }
  if (type === 'reaction') return { kind: 'reaction' };
  return { kind: 'unsupported', type };
}

const STATES = new Set(['sent', 'delivered', 'read', 'failed']);

function parseStatus(s: Obj): CloudStatus | undefined {
  const id = str(s.id);
  const state = str(s.status);
  if (!id || !state || !STATES.has(state)) return undefined;
  const e = obj(arr(s.errors)[0]);
  return {
    id,
    state: state as CloudStatus['state'],
    at: timeOf(s.timestamp),
    recipient: str(s.recipient_id) ?? '',
    ...(typeof e.code === 'number' ? { error: { code: e.code, title: str(e.title) ?? '' } } : {}),
  };
}

/** Meta's timestamps are seconds since the epoch, as a string. */
function timeOf(v: unknown): Date {
  const seconds = Number(v);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date(0);
}

function extensionOf(mimeType: string | undefined): string {
  if (mimeType === 'image/jpeg') return '.jpg';
  if (mimeType === 'image/png') return '.png';
  if (mimeType === 'image/webp') return '.webp';
  if (mimeType === 'application/pdf') return '.pdf';
  if (mimeType?.startsWith('audio/ogg')) return '.ogg';
  if (mimeType === 'audio/mpeg') return '.mp3';
  if (mimeType === 'audio/mp4') return '.m4a';
  return '';
}
