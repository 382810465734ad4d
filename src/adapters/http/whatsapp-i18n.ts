import type { WhatsAppState } from '../../ports/whatsapp-session.js';
import type { ConsoleLang } from './console-i18n.js';
import { wordsOf } from './words.js';

/** The session states in words, for the WhatsApp page and the banner. */
export const WHATSAPP_STATE: Readonly<Record<WhatsAppState, Record<ConsoleLang, string>>> = {
  standby: { id: 'Siaga (nomor dipegang proses lain)', en: 'Standby (another process owns the number)' },
  connecting: { id: 'Menyambung…', en: 'Connecting…' },
  pairing: { id: 'Menunggu dipasangkan (pindai QR)', en: 'Waiting to be paired (scan the QR)' },
  open: { id: 'Tersambung', en: 'Connected' },
  reconnecting: { id: 'Menyambung ulang…', en: 'Reconnecting…' },
  logged_out: { id: 'Keluar (perlu dipasangkan ulang)', en: 'Logged out (pair again)' },
  conflict: { id: 'Bentrok: dibuka di tempat lain', en: 'Conflict: opened elsewhere' },
  failed: { id: 'Berhenti (perlu tindakan admin)', en: 'Stopped (admin action needed)' },
  stopped: { id: 'Mati', en: 'Stopped' },
};

/** The WhatsApp session page's and banner's words, Indonesian first. */
const WORDS = {
  title: { id: 'Sesi WhatsApp', en: 'WhatsApp session' },
  state: { id: 'Status', en: 'State' },
  since: { id: 'Sejak', en: 'Since' },
  account: { id: 'Akun', en: 'Account' },
  lease: { id: 'Pemegang nomor', en: 'Number owned by' },
  thisProcess: { id: '(proses ini)', en: '(this process)' },
  lastDrop: { id: 'Putus terakhir', en: 'Last disconnect' },
  reconnects: { id: 'Percobaan sambung ulang', en: 'Reconnect attempts' },
  badMac: { id: 'Pesan gagal didekripsi (Bad MAC)', en: 'Messages not decrypted (Bad MAC)' },
  sendPath: { id: 'Jalur kirim', en: 'Sending through' },
  pathBaileys: { id: 'Nomor ini (Baileys)', en: 'This number (Baileys)' },
  pathCloud: {
    id: 'Nomor WhatsApp Business Platform (cadangan resmi)',
    en: 'The WhatsApp Business Platform number (official fallback)',
  },
  qrAlt: { id: 'Kode QR untuk menautkan WhatsApp', en: 'QR code to link WhatsApp' },
  scan: {
    id: 'Di ponsel nomor layanan: WhatsApp › Perangkat tertaut › Tautkan perangkat, lalu pindai kode ini. Kode berganti setiap ±20 detik: muat ulang halaman bila kedaluwarsa.',
    en: 'On the service phone: WhatsApp › Linked devices › Link a device, then scan this code. It changes every ±20 seconds: reload the page when it expires.',
  },
  code: { id: 'Kode pemasangan', en: 'Pairing code' },
  codeHelp: {
    id: 'Atau pasangkan dengan kode: tulis nomor HP layanan, lalu ketik kode yang muncul di WhatsApp › Perangkat tertaut › Tautkan dengan nomor telepon.',
    en: 'Or pair with a code: enter the service phone number, then type the code shown here in WhatsApp › Linked devices › Link with phone number.',
  },
  phone: { id: 'Nomor HP (dengan kode negara)', en: 'Phone number (with country code)' },
  askCode: { id: 'Minta kode', en: 'Get code' },
  codeFailed: { id: 'Gagal meminta kode.', en: 'Could not get a code.' },
  restart: { id: 'Sambungkan lagi', en: 'Connect again' },
  unpair: { id: 'Lepas dan pasangkan ulang', en: 'Unlink and pair again' },
  unpairHelp: {
    id: 'Memutus nomor ini dari Loket dan menghapus sesi tersimpan. Warga tidak dilayani lewat WhatsApp sampai dipasangkan lagi.',
    en: 'Unlinks this number from Loket and deletes the stored session. Citizens are not served on WhatsApp until it is paired again.',
  },
  confirm: { id: 'Saya yakin', en: 'I am sure' },
  mustConfirm: {
    id: 'Centang "Saya yakin" untuk melepas nomor.',
    en: 'Tick "I am sure" to unlink the number.',
  },
  reload: { id: 'Muat ulang', en: 'Reload' },
  restarted: { id: 'Menyambung lagi…', en: 'Connecting again…' },
  unpaired: { id: 'Nomor dilepas; pindai kode QR baru.', en: 'Number unlinked; scan the new QR.' },
  none: { id: '–', en: '–' },
  // The banner every console page shows while the session needs a person.
  alert: { id: 'WhatsApp perlu tindakan', en: 'WhatsApp needs attention' },
  unserved: {
    id: 'Warga tidak dilayani lewat WhatsApp sampai nomor tersambung lagi.',
    en: 'Citizens are not served on WhatsApp until the number is connected again.',
  },
  openPage: { id: 'Buka sesi WhatsApp', en: 'Open the WhatsApp session' },
  askAdmin: { id: 'Minta admin menyambungkannya lagi.', en: 'Ask an admin to connect it again.' },
  officerNote: {
    id: 'WhatsApp sedang tidak tersambung: pesan ke warga lewat WhatsApp belum dapat terkirim.',
    en: 'WhatsApp is not connected: messages to citizens on WhatsApp cannot be delivered for now.',
  },
} as const satisfies Record<string, Record<ConsoleLang, string>>;

/** A key of the WhatsApp wording. */
export type WhatsAppWord = keyof typeof WORDS;

/** The WhatsApp page or banner text for `key` in `lang`. */
export const tWhatsApp = wordsOf(WORDS);

/** Refusing the page to a non-admin: fixed, Indonesian then English, like every refused action. */
export const WHATSAPP_ADMINS_ONLY = 'Anda tidak berwenang membuka halaman ini (not allowed for your role).';
