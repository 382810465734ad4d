import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as the test asserts it. */
export interface GraphCall {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The parsed JSON body, or the raw text of a multipart upload. */
  body: unknown;
}

/** A scripted error answer: Meta's shape `{ error: { code, message } }` with an HTTP status. */
export interface GraphFailure {
  status: number;
  code: number;
  message: string;
}

/**
 * A local stand-in for the Graph API of the WhatsApp Business Platform: sends answer a wamid,
 * uploads a media id, `GET /{media-id}` a download URL on this same server, and the download the
 * bytes, but only with the right bearer token. Every request is recorded; `fail` scripts errors
 * for the next sends.
 */
export class FakeGraphApi {
  readonly calls: GraphCall[] = [];
  /** Media a citizen "sent": bytes by media id. */
  readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();
  private readonly failures: GraphFailure[] = [];
  private server: Server | undefined;
  private seq = 0;
  root = '';

  constructor(
    readonly token: string,
    readonly phoneNumberId: string,
  ) {}

  /** Starts listening; answers the API root with its version path. */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`;
    return this.root;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next sends (POST …/messages) fail with these, in order. */
  fail(...failures: GraphFailure[]): void {
    this.failures.push(...failures);
  }

  /** The message bodies sent (POST /{phone-number-id}/messages), in order. */
  get sent(): Array<Record<string, unknown>> {
    return this.calls
      .filter((c) => c.method === 'POST' && c.path === `/v21.0/${this.phoneNumberId}/messages`)
      .map((c) => c.body as Record<string, unknown>);
  }

  /** What the citizen reads of every message sent to `to`: texts, interactive bodies and their options. */
  textsTo(to: string): string[] {
    return this.sent.filter((b) => b.to === to).map(readable);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const contentType = req.headers['content-type'];
    const path = (req.url ?? '').split('?')[0]!;
    const call: GraphCall = {
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      contentType,
      body: contentType?.startsWith('application/json') ? (JSON.parse(raw) as unknown) : raw,
    };
    this.calls.push(call);
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return json(res, 401, { error: { code: 190, message: 'Invalid OAuth access token' } });
    if (req.method === 'POST' && path === `/v21.0/${this.phoneNumberId}/messages`) {
      const failure = this.failures.shift();
      if (failure)
        return json(res, failure.status, { error: { code: failure.code, message: failure.message } });
      const to = (call.body as { to?: string }).to;
      return json(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.fake${++this.seq}` }],
      });
    }
    if (req.method === 'POST' && path === `/v21.0/${this.phoneNumberId}/media`)
      return json(res, 200, { id: `upload-${++this.seq}` });
    const download = /^\/download\/(.+)$/.exec(path);
    if (req.method === 'GET' && download) {
      const m = this.media.get(decodeURIComponent(download[1]!));
      if (!m) return json(res, 404, { error: { code: 100, message: 'not found' } });
      res.writeHead(200, { 'content-type': m.mimeType });
      return void res.end(m.bytes);
    }
    const mediaInfo = /^\/v21\.0\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && mediaInfo) {
      const id = decodeURIComponent(mediaInfo[1]!);
      const m = this.media.get(id);
      if (!m) return json(res, 404, { error: { code: 100, message: 'media not found' } });
      const url = `${this.root.replace(/\/v21\.0$/, '')}/download/${encodeURIComponent(id)}`;
      return json(res, 200, { url, mime_type: m.mimeType, file_size: m.bytes.length, id });
    }
    json(res, 404, { error: { code: 100, message: 'unknown path' } });
  }
}

/** The words of one sent message as the citizen sees them. */
export function readable(b: Record<string, unknown>): string {
  if (b.type === 'text') return (b.text as { body: string }).body;
  if (b.type === 'template') return `[template ${JSON.stringify(b.template)}]`;
  if (b.type !== 'interactive') return `[${String(b.type)}]`;
  const i = b.interactive as { body: { text: string }; action: Record<string, unknown> };
  const buttons = (i.action.buttons as Array<{ reply: { title: string } }> | undefined) ?? [];
  const rows =
    (
      i.action.sections as Array<{ rows: Array<{ title: string; description?: string }> }> | undefined
    )?.flatMap((s) => s.rows) ?? [];
  return [
    i.body.text,
    ...buttons.map((x) => x.reply.title),
    ...rows.map((r) => r.description ?? r.title),
  ].join('\n');
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
