import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call the fake received. */
export interface FakeCall {
  method: string;
  params: Record<string, unknown>;
}

/** An error in the Bot API's own shape. */
export interface BotApiError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

type PendingUpdate = { update_id: number } & Record<string, unknown>;

/**
 * A small fake Telegram Bot API server over real HTTP (127.0.0.1, random port): getMe,
 * long-poll getUpdates with offset/limit/timeout (an offset confirms every update below it,
 * as Telegram does), sendMessage, sendChatAction, answerCallbackQuery, editMessageText,
 * setMyCommands, deleteWebhook, getFile and file downloads, sendDocument and sendPhoto (multipart
 * uploads), and errors in Bot API form. Point
 * the channel's `apiRoot` at `apiRoot`.
 */
export class FakeBotApi {
  readonly calls: FakeCall[] = [];
  /** Highest offset getUpdates was called with: everything below it is confirmed. */
  confirmedOffset = 0;
  private readonly updates: PendingUpdate[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();
  private readonly failures = new Map<string, BotApiError[]>();
  private readonly waiters = new Set<() => void>();
  /** getUpdates calls whose offset is above this are parked, unanswered and unconfirmed. */
  private confirmLimit: number | undefined;
  private downloadsHeld = false;
  /** Parked requests, answered when their hold is lifted (or the fake closes). */
  private readonly parked = new Set<() => void>();
  /** Every update_id getUpdates handed out, in order (one id twice: delivered again). */
  readonly delivered: number[] = [];
  /** File downloads that arrived while downloads were held (paths, in order). */
  readonly heldDownloads: string[] = [];
  private readonly server = createServer((req, res) => void this.route(req, res));
  private port = 0;

  constructor(
    readonly token: string,
    readonly bot = { id: 4242, is_bot: true, first_name: 'Loket', username: 'loket_test_bot' },
  ) {}

  /** Starts listening; resolves with the apiRoot to give grammY. */
  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this.apiRoot;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w();
    for (const p of this.parked) p();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Queues an update as if a citizen did something; returns its update_id. */
  push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    this.notify();
    return update_id;
  }

  /**
   * Delivers an update again with its own update_id, as Telegram does with one it never saw
   * confirmed (or a webhook it retries); returns the id.
   */
  redeliver(update: { update_id: number } & Record<string, unknown>): number {
    const at = this.updates.findIndex((u) => u.update_id > update.update_id);
    if (at < 0) this.updates.push(update);
    else this.updates.splice(at, 0, update);
    this.notify();
    return update.update_id;
  }

  /** The update_id the last `push` got (0 before any). */
  get lastUpdateId(): number {
    return this.nextUpdateId - 1;
  }

  /**
   * From now on a getUpdates whose offset would confirm updates at or above `updateId` is
   * parked (recorded in `calls`, neither answered nor applied), so the bot cannot tell
   * Telegram what it handled: what a process killed at this moment leaves behind.
   */
  holdConfirmationsFrom(updateId: number): void {
    this.confirmLimit = updateId;
  }

  /** File downloads are parked (recorded in `heldDownloads`) until `releaseHolds`. */
  holdDownloads(): void {
    this.downloadsHeld = true;
  }

  /** Requests parked by a hold and still waiting (a killed client's go once its socket closes). */
  get parkedRequests(): number {
    return this.parked.size;
  }

  /** Lifts every hold; parked requests whose client is still connected are answered. */
  releaseHolds(): void {
    this.confirmLimit = undefined;
    this.downloadsHeld = false;
    for (const p of [...this.parked]) p();
  }

  /** Makes a file downloadable through getFile and /file/bot<token>/<path>. */
  addFile(fileId: string, bytes: Buffer): void {
    this.files.set(fileId, { path: `documents/${fileId}.bin`, bytes });
  }

  /** The next call of `method` (or `download`) fails with this error, in Bot API form. */
  failNext(method: string, error: BotApiError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Files sent to citizens (sendDocument, sendPhoto), oldest first. */
  filesSent(): Array<{ method: string; chatId: string; file: FakeUpload; caption?: string }> {
    return this.calls
      .filter((c) => c.method === 'sendDocument' || c.method === 'sendPhoto')
      .map((c) => ({
        method: c.method,
        chatId: String(c.params.chat_id),
        file: (c.params.document ?? c.params.photo) as FakeUpload,
        ...(typeof c.params.caption === 'string' ? { caption: c.params.caption } : {}),
      }));
  }

  /** sendMessage calls, oldest first. */
  get sent(): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === 'sendMessage').map((c) => c.params);
  }

  /** Resolves once `check` holds (checked after every call), or rejects after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > until) throw new Error('FakeBotApi.waitFor timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.download(file[1]!, file[2]!, req, res);
    const call = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!call) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (call[1] !== this.token)
      return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = call[2]!;
    const params = await readParams(req);
    this.calls.push({ method, params });
    const failure = this.failures.get(method)?.shift();
    if (failure) return reply(res, failure.error_code, { ok: false, ...failure });
    const result = await this.answer(method, params, req);
    if (result === undefined)
      return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    reply(res, 200, { ok: true, result });
  }

  private async answer(method: string, p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return {
          ...this.bot,
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'getUpdates':
        return this.getUpdates(p, req);
      case 'sendDocument':
      case 'sendPhoto':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(p.chat_id), type: 'private' },
          ...(method === 'sendPhoto'
            ? { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }
            : { document: { file_id: 'd', file_unique_id: 'd' } }),
        };
      case 'sendMessage':
      case 'editMessageText':
        return {
          message_id: typeof p.message_id === 'number' ? p.message_id : this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(p.chat_id), type: 'private' },
          text: p.text,
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        };
      case 'getFile': {
        const f = this.files.get(String(p.file_id));
        if (!f) return { file_id: p.file_id, file_unique_id: String(p.file_id) };
        return {
          file_id: p.file_id,
          file_unique_id: String(p.file_id),
          file_size: f.bytes.length,
          file_path: f.path,
        };
      }
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
        return true;
      default:
        return undefined;
    }
  }

  private async getUpdates(p: Record<string, unknown>, req: IncomingMessage): Promise<unknown[]> {
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    const limit = typeof p.limit === 'number' ? p.limit : 100;
    const timeout = typeof p.timeout === 'number' ? p.timeout : 0;
    while (this.confirmLimit !== undefined && offset > this.confirmLimit) {
      await this.park(req);
      // The bot died while parked: nothing it asked reached "Telegram".
      if (req.socket.destroyed) return [];
    }
    if (offset > this.confirmedOffset) this.confirmedOffset = offset;
    // Telegram forgets every update below the offset.
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    const ready = () => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready().length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          // A kept-alive socket carries many polls: one listener per poll would pile up.
          req.socket.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        this.waiters.add(done);
        req.socket.once('close', done);
      });
    }
    const out = ready();
    if (!req.socket.destroyed) this.delivered.push(...out.map((u) => u.update_id));
    return out;
  }

  /** Waits until the holds are lifted or the client hangs up. */
  private park(req: IncomingMessage): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.parked.delete(done);
        resolve();
      };
      this.parked.add(done);
      req.socket.once('close', done);
    });
  }

  private async download(
    token: string,
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (token !== this.token)
      return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    this.calls.push({ method: 'download', params: { path } });
    if (this.downloadsHeld) {
      this.heldDownloads.push(path);
      while (this.downloadsHeld) {
        await this.park(req);
        if (req.socket.destroyed) return;
      }
    }
    const failure = this.failures.get('download')?.shift();
    if (failure) return reply(res, failure.error_code, { ok: false, ...failure });
    const f = [...this.files.values()].find((x) => x.path === path);
    if (!f) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': f.bytes.length });
    res.end(f.bytes);
  }
}

/** A file uploaded with a call (sendDocument, sendPhoto), as the fake records it in `params`. */
export interface FakeUpload {
  filename: string;
  bytes: Buffer;
}

/**
 * A call's parameters: JSON, or multipart when grammY uploads a file. A multipart field naming
 * an upload (`attach://<part>`) is replaced by that part's name and bytes.
 */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return readMultipart(body, type);
  return readJson(body.toString('utf8'));
}

/**
 * grammY's multipart (`content-disposition:form-data;name="x";filename=a b.pdf`, no spaces, the
 * file name unquoted) is looser than Node's FormData parser takes, so the parts are split here.
 */
function readMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? '';
  const fields: Record<string, string> = {};
  const uploads: Record<string, FakeUpload> = {};
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4, part.length - 2), 'latin1');
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/.exec(head);
    if (filename) uploads[name] = { filename: filename[1] ?? filename[2] ?? '', bytes: content };
    else fields[name] = content.toString('utf8');
  }
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, v.startsWith('attach://') ? uploads[v.slice(9)] : v]),
  );
}

function readJson(text: string): Record<string, unknown> {
  if (text === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
