/**
 * A Graph API call that failed: the HTTP status and, when Meta said, its error code (131047:
 * the 24-hour window closed; 131026: the number is not on WhatsApp) and message.
 */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`graph ${status}${code !== undefined ? ` #${code}` : ''}: ${message}`);
  }
}

/** A download over the limit; the inbound use case answers "too big" for it. */
export class MediaTooBigError extends Error {
  override readonly name = 'MediaTooBigError';
  readonly code = 'TOO_BIG';
}

/** The Graph API as this channel uses it: JSON calls, a media upload, a bounded download. */
export interface GraphClient {
  post(path: string, body: object): Promise<unknown>;
  get(path: string): Promise<unknown>;
  upload(path: string, form: FormData): Promise<unknown>;
  /** The bytes at a media URL Meta gave (it needs the token too), at most `maxBytes`. */
  download(url: string, maxBytes: number): Promise<Buffer>;
}

/** What the client needs: the versioned root, the token, and a time-out per call. */
export interface GraphOptions {
  apiRoot: string;
  token: string;
  timeoutMs: number;
}

/**
 * Node's fetch against the Graph API with the bearer token. A non-2xx answer becomes a
 * GraphError carrying Meta's code; the token never appears in an error message.
 */
export function createGraphClient(opts: GraphOptions): GraphClient {
  const auth = { authorization: `Bearer ${opts.token}` };
  const call = async (path: string, init: RequestInit): Promise<unknown> => {
    const res = await fetch(`${opts.apiRoot}${path}`, {
      ...init,
      headers: { ...auth, ...(init.headers as Record<string, string> | undefined) },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    const text = await res.text();
    const body = parseJson(text);
    if (!res.ok) throw graphError(res.status, body);
    return body;
  };
  return {
    post: (path, body) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    get: (path) => call(path, { method: 'GET' }),
    upload: (path, form) => call(path, { method: 'POST', body: form }),
    async download(url, maxBytes) {
      const res = await fetch(url, { headers: auth, signal: AbortSignal.timeout(opts.timeoutMs) });
      if (!res.ok || !res.body) throw graphError(res.status, parseJson(await res.text().catch(() => '')));
      const chunks: Buffer[] = [];
      let total = 0;
      const reader = res.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        total += r.value.length;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new MediaTooBigError(`media over ${maxBytes} bytes`);
        }
        chunks.push(Buffer.from(r.value));
      }
      return Buffer.concat(chunks);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function graphError(status: number, body: unknown): GraphError {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof err?.code === 'number' ? err.code : undefined;
  const message = typeof err?.message === 'string' ? err.message : `HTTP ${status}`;
  return new GraphError(status, code, message);
}
