/** The fetch the adapter downloads files with; injected in tests, the global one otherwise. */
export type FetchFn = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

/** Thrown when a file is bigger than allowed; the use case turns `code: 'TOO_BIG'` into a polite refusal. */
export class FileTooBigError extends Error {
  override readonly name = 'FileTooBigError';
  readonly code = 'TOO_BIG';
  constructor(readonly maxBytes: number) {
    super(`file is bigger than ${maxBytes} bytes`);
  }
}

/**
 * A download that did not complete (network, time-out, HTTP error from the file server). The
 * update stays unprocessed so a retry can succeed; the URL is never in the message (it holds
 * the bot token).
 */
export class FileDownloadError extends Error {
  override readonly name = 'FileDownloadError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Downloads a file, reading no more than `maxBytes` (a lying `file_size`, a self-hosted Bot API
 * serving 2 GB) and giving up after `timeoutMs` for the whole transfer, not just the headers.
 */
export async function downloadLimited(
  fetchFn: FetchFn,
  url: string,
  maxBytes: number,
  timeoutMs: number,
): Promise<Buffer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetchFn(url, { signal: controller.signal });
    } catch (err) {
      throw new FileDownloadError(
        controller.signal.aborted ? 'download timed out' : 'download failed',
        undefined,
        {
          cause: err,
        },
      );
    }
    if (!res.ok) throw new FileDownloadError(`file server answered ${res.status}`, res.status);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FileTooBigError(maxBytes);
    }
    return await readLimited(res, maxBytes, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(res: Response, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FileTooBigError(maxBytes);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FileTooBigError) throw err;
    throw new FileDownloadError(signal.aborted ? 'download timed out' : 'download interrupted', undefined, {
      cause: err,
    });
  }
  return Buffer.concat(chunks);
}
