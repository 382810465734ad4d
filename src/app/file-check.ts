import { inflateSync } from 'node:zlib';

/**
 * What is wrong with an upload whose type is already known from its bytes: `damaged` (cut off in
 * transit, so an officer could not open it) or `active_content` (a PDF that runs JavaScript,
 * launches programs or carries other files: officers open these on office PCs).
 */
export type FileProblem = 'damaged' | 'active_content';

/**
 * The audio types a voice note may be stored as (WhatsApp and Telegram voice notes are Opus in
 * Ogg; audio messages MP3 or M4A), as `file-type` names them. For officer conversations only: no
 * flow step accepts audio, and outside a handoff a voice note is discarded at once.
 */
export const VOICE_TYPES: readonly string[] = [
  'audio/ogg',
  'audio/ogg; codecs=opus',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
];

/** The largest voice note kept (UPLOAD_MAX_BYTES if lower): several minutes of speech. */
export const VOICE_MAX_BYTES = 8 * 1024 * 1024;

/** Checks the bytes of an image or PDF; `undefined` when it is whole and inert. */
export function fileProblem(bytes: Buffer, contentType: string): FileProblem | undefined {
  switch (contentType) {
    case 'image/jpeg':
      return jpegComplete(bytes) ? undefined : 'damaged';
    case 'image/png':
      return pngComplete(bytes) ? undefined : 'damaged';
    case 'image/webp':
      return bytes.length >= 12 && bytes.readUInt32LE(4) + 8 <= bytes.length ? undefined : 'damaged';
    case 'application/pdf':
      return pdfProblem(bytes);
    default:
      return undefined;
  }
}

/** A JPEG ends with its end-of-image marker (FF D9), give or take zero padding some cameras add. */
function jpegComplete(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 4 && bytes[end - 1] === 0x00) end--;
  return end >= 4 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** A PNG ends with its IEND chunk (length 0, type, CRC). */
function pngComplete(bytes: Buffer): boolean {
  return bytes.length >= 20 && bytes.toString('latin1', bytes.length - 8, bytes.length - 4) === 'IEND';
}

/**
 * PDF names that make a document act when opened: scripts, launching programs, embedded files
 * and rich media. Written `#xx`-escaped (`/J#61vaScript`) they mean the same, so names are
 * unescaped first; compressed streams (where object streams hide them) are inflated and read too.
 */
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)\b/;
const MAX_INFLATED = 16 * 1024 * 1024;

function pdfProblem(bytes: Buffer): FileProblem | undefined {
  const text = bytes.toString('latin1');
  if (!text.slice(-2048).includes('%%EOF')) return 'damaged';
  if (hasActiveName(text)) return 'active_content';
  let budget = MAX_INFLATED;
  const stream = /stream\r?\n/g;
  for (let m = stream.exec(text); m; m = stream.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    stream.lastIndex = end;
    if (!/FlateDecode/.test(text.slice(Math.max(0, m.index - 512), m.index))) continue;
    let inflated: Buffer;
    try {
      inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
    } catch {
      continue; // not Flate after all, or over the budget: the raw scan above still applied
    }
    budget -= inflated.length;
    if (hasActiveName(inflated.toString('latin1'))) return 'active_content';
    if (budget <= 0) break;
  }
  return undefined;
}

function hasActiveName(text: string): boolean {
  if (ACTIVE.test(text)) return true;
  if (!text.includes('#')) return false;
  const unescaped = text.replace(/\/[^\s/<>[\]()]*#[0-9a-fA-F]{2}[^\s/<>[\]()]*/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
  return ACTIVE.test(unescaped);
}
