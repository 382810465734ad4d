/**
 * What a simulated citizen says: the domisili flow (flows/domisili.yaml) from the first message
 * to the tracking number, with their own name, NIK, phone and files, and the reply each answer
 * must bring (the next question).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { FILES_DIR } from '../support/fake-chat.js';

/** One thing a citizen sends. */
export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'photo'; bytes: Buffer; name: string }
  | { kind: 'document'; bytes: Buffer; name: string; mime: string };

/** One turn: what is sent and the reply that shows it was understood. */
export interface Turn {
  input: Input;
  expect: RegExp;
}

/** The tracking number in a receipt. */
export const TRACKING = /PTSP-\d{4}-[0-9A-Z]{5}/;

const NAMES = ['Rina', 'Budi', 'Siti', 'Agus', 'Dewi', 'Joko', 'Wati', 'Hadi', 'Ayu', 'Eko'];
const SURNAMES = ['Marlina', 'Santoso', 'Rahayu', 'Wibowo', 'Lestari', 'Saputra', 'Kusuma'];

/** A citizen's own answers, distinct per index, so replies and files can be told apart. */
export interface CitizenData {
  name: string;
  nik: string;
  phone: string;
  address: string;
  /** Bytes of the three uploads, each unique to this citizen. */
  files: Buffer[];
}

const fixture = (name: string) => readFileSync(path.join(FILES_DIR, name));

/**
 * The citizen's answers. Each upload is a fixture with bytes of its own appended (still a valid
 * JPEG, PNG or PDF), so a stored file is traced to the citizen and step that sent it.
 */
export function citizenData(index: number): CitizenData {
  const n = index + 1;
  const tag = (what: string) => Buffer.from(`chaos-citizen-${n}-${what}`);
  return {
    name: `${NAMES[index % NAMES.length]} ${SURNAMES[Math.floor(index / NAMES.length) % SURNAMES.length]} ${letters(n)}`,
    nik: `317106010170${String(n).padStart(4, '0')}`,
    phone: `0812${String(10_000_000 + n * 7919).slice(-8)}`,
    address: `Jl. Teuku Umar No. ${n}`,
    files: [
      jpegWithComment(fixture('foto-ktp.jpg'), tag('ktp')),
      pngWithText(fixture('foto-kk.png'), tag('kk')),
      Buffer.concat([fixture('surat.pdf'), Buffer.from('\n%'), tag('rt'), Buffer.from('\n')]),
    ],
  };
}

/** A JPEG with a comment segment right after its start marker: still whole, bytes of its own. */
function jpegWithComment(jpeg: Buffer, comment: Buffer): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(comment.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), len, comment, jpeg.subarray(2)]);
}

/** A PNG with a tEXt chunk before its IEND chunk (with its CRC): still whole, bytes of its own. */
function pngWithText(png: Buffer, text: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from('Comment\0'), text]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), head, body, crc, png.subarray(iend)]);
}

/** A name part from a number (names are letters only). */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(97 + ((x - 1) % 26)) + s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const text = (t: string): Input => ({ kind: 'text', text: t });

/** The whole conversation, in order (the same questions on Telegram and the terminal). */
export function domisiliTurns(d: CitizenData): Turn[] {
  const [ktp, kk, rt] = d.files as [Buffer, Buffer, Buffer];
  return [
    { input: text('mau urus surat domisili tempat tinggal'), expect: /setuju/i },
    { input: text('ya'), expect: /Surat domisili untuk apa/ },
    { input: text('1'), expect: /nama lengkap/ },
    { input: text(d.name), expect: /NIK/ },
    { input: text(d.nik), expect: /Nomor HP/ },
    { input: text(d.phone), expect: /kelurahan/i },
    { input: text('menteng'), expect: /alamat/i },
    { input: text(d.address), expect: /untuk apa/i },
    { input: text('lewati'), expect: /foto KTP-el/ },
    { input: { kind: 'photo', bytes: ktp, name: 'ktp.jpg' }, expect: /foto Kartu Keluarga/ },
    { input: { kind: 'photo', bytes: kk, name: 'kk.png' }, expect: /pengantar RT\/RW/ },
    {
      input: { kind: 'document', bytes: rt, name: 'pengantar.pdf', mime: 'application/pdf' },
      expect: /Ringkasan/,
    },
    { input: text('kirim'), expect: /Nomor pelacakan/ },
  ];
}

/**
 * A reply with what varies per citizen taken out (their answers, the tracking number, every
 * number), so two citizens' conversations compare equal when they went the same way.
 */
export function normalise(reply: string, d: CitizenData): string {
  return [d.name, d.nik, d.phone, d.address]
    .reduce((t, v) => t.split(v).join('<v>'), reply)
    .replace(TRACKING, '<tracking>')
    .replace(/\d+/g, '#')
    .trim();
}

/** Texts the bot says about its own trouble: not part of the conversation's expected replies. */
export const TROUBLE = /^Maaf, (pesan|file) Anda belum berhasil|gangguan|sedang sibuk/i;

/** A failure the citizen is asked to answer by sending again. */
export const SEND_AGAIN = /coba (kirim )?lagi/i;

/** A status notice (status-notice.ts): checked on its own, not as a conversation reply. */
export const STATUS_NOTICE = /^Pembaruan permohonan /;
