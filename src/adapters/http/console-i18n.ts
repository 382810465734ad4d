import type { Channel } from '../../domain/application.js';
import type { Lang } from '../../domain/lang.js';
import { wordsOf } from './words.js';

/** The console's words, Indonesian first; English when the officer switches. */
const WORDS = {
  title: { id: 'Loket: konsol petugas', en: 'Loket: officer console' },
  login: { id: 'Masuk', en: 'Log in' },
  logout: { id: 'Keluar', en: 'Log out' },
  username: { id: 'Nama pengguna', en: 'Username' },
  password: { id: 'Kata sandi', en: 'Password' },
  loginFailed: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  locked: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan. Coba lagi pukul',
    en: 'Account locked after too many attempts. Try again at',
  },
  applications: { id: 'Permohonan', en: 'Applications' },
  counterIntake: { id: 'Permohonan di loket', en: 'Counter intake' },
  queue: { id: 'Antrean', en: 'Queue' },
  channelTelegram: { id: 'Telegram', en: 'Telegram' },
  channelWhatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  channelWaCloud: { id: 'WhatsApp (resmi)', en: 'WhatsApp (official)' },
  channelTerminal: { id: 'Terminal (uji coba)', en: 'Terminal (trial)' },
  channelConsole: { id: 'Di loket', en: 'At the counter' },
  mine: { id: 'Percakapan yang Anda pegang', en: 'Conversations you hold' },
  heldFor: { id: 'Dipegang', en: 'Held for' },
  openConversation: { id: 'Buka', en: 'Open' },
  filter: { id: 'Saring', en: 'Filter' },
  search: { id: 'Cari nomor, NIK, HP atau nama', en: 'Search number, NIK, phone or name' },
  service: { id: 'Layanan', en: 'Service' },
  status: { id: 'Status', en: 'Status' },
  office: { id: 'Kantor', en: 'Office' },
  overdue: { id: 'Terlambat', en: 'Overdue' },
  from: { id: 'Dari', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  all: { id: 'Semua', en: 'All' },
  tracking: { id: 'Nomor', en: 'Number' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  due: { id: 'Tenggat', en: 'Due' },
  none: { id: 'Tidak ada data.', en: 'Nothing here.' },
  answers: { id: 'Jawaban', en: 'Answers' },
  documents: { id: 'Dokumen', en: 'Documents' },
  history: { id: 'Riwayat', en: 'History' },
  changeStatus: { id: 'Ubah status', en: 'Change status' },
  newStatus: { id: 'Status baru', en: 'New status' },
  note: { id: 'Catatan', en: 'Note' },
  reason: { id: 'Alasan (wajib bila ditolak)', en: 'Reason (required to reject)' },
  revisionStep: {
    id: 'Yang perlu diperbaiki (bila perlu perbaikan)',
    en: 'What to fix (for needs revision)',
  },
  revisionNote: { id: 'Catatan perbaikan', en: 'Revision note' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Tersimpan.', en: 'Saved.' },
  noNext: { id: 'Status ini tidak dapat diubah lagi.', en: 'This status cannot change any more.' },
  waiting: { id: 'Menunggu', en: 'Waiting' },
  reasonCol: { id: 'Alasan', en: 'Reason' },
  claim: { id: 'Ambil', en: 'Claim' },
  citizen: { id: 'Warga', en: 'Citizen' },
  channel: { id: 'Kanal', en: 'Channel' },
  priority: { id: 'Pengaduan', en: 'Complaint' },
  enableAlerts: { id: 'Aktifkan suara & notifikasi', en: 'Enable sound & notifications' },
  newWaiting: { id: 'Warga baru menunggu petugas', en: 'A citizen is waiting for an officer' },
  conversation: { id: 'Percakapan', en: 'Conversation' },
  reply: { id: 'Kirim balasan', en: 'Send reply' },
  canned: { id: 'Balasan siap pakai', en: 'Canned replies' },
  release: { id: 'Kembalikan ke antrean', en: 'Release to queue' },
  close: { id: 'Tutup percakapan', en: 'Close conversation' },
  citizenApps: { id: 'Permohonan warga ini', en: "This citizen's applications" },
  minutes: { id: 'menit', en: 'min' },
  asked: { id: 'Minta petugas', en: 'Asked for officer' },
  not_understood: { id: 'Bot tidak paham', en: 'Bot did not understand' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  closed: { id: 'Percakapan sudah ditutup.', en: 'The conversation is closed.' },
  notDelivered: {
    id: 'Pesan tersimpan, tetapi belum terkirim ke warga.',
    en: 'Message saved, but not delivered to the citizen yet.',
  },
  nik: { id: 'NIK', en: 'NIK' },
  auditTrail: { id: 'Log audit', en: 'Audit log' },
  // Files in a conversation (issue 19): the officer's upload and adding a file to an application.
  sendFile: { id: 'Kirim berkas', en: 'Send file' },
  fileToSend: { id: 'Berkas (foto atau PDF)', en: 'File (photo or PDF)' },
  fileCaption: { id: 'Keterangan (boleh kosong)', en: 'Caption (optional)' },
  openFile: { id: 'Buka berkas', en: 'Open file' },
  attachFile: { id: 'Tambahkan ke permohonan', en: 'Add to application' },
  attachTo: { id: 'Permohonan dan dokumen', en: 'Application and document' },
  fileAttached: { id: 'Berkas ditambahkan ke permohonan.', en: 'File added to the application.' },
  fileSent: { id: 'Berkas terkirim.', en: 'File sent.' },
  firstRun: {
    id: 'Belum ada akun petugas. Buka tautan penyiapan (/console/setup?token=...) yang tercetak di log server saat Loket dinyalakan, lalu buat akun admin pertama. Tautan baru muncul setiap kali Loket dinyalakan ulang. Untuk skrip: npm run officer:create.',
    en: 'No officer account yet. Open the setup link (/console/setup?token=...) printed in the server log at start-up and create the first admin. A restart prints a new link. For scripts: npm run officer:create.',
  },
  setupTitle: { id: 'Penyiapan Loket: admin pertama', en: 'Loket setup: first admin' },
  setupIntro: {
    id: 'Buat akun admin pertama. Setelah itu tautan ini tidak berlaku lagi; admin menambah petugas lain di menu Admin.',
    en: 'Create the first admin account. The link stops working afterwards; the admin adds other officers under Admin.',
  },
  displayName: { id: 'Nama tampilan', en: 'Display name' },
  passwordRule: {
    id: 'Minimal 12 karakter; gabungan beberapa kata yang tidak umum, bukan kata sandi yang mudah ditebak.',
    en: 'At least 12 characters; a few uncommon words, not an easy-to-guess password.',
  },
  passwordAgain: { id: 'Ulangi kata sandi', en: 'Repeat password' },
  passwordMismatch: { id: 'Kedua kata sandi tidak sama.', en: 'The passwords differ.' },
  choose: { id: '(pilih)', en: '(choose)' },
  createAdmin: { id: 'Buat admin dan masuk', en: 'Create admin and log in' },
  setupGone: {
    id: 'Tautan penyiapan ini tidak berlaku: penyiapan sudah selesai, tautannya kedaluwarsa, atau salah. Masuk lewat halaman login; bila belum ada akun, nyalakan ulang Loket untuk tautan baru.',
    en: 'This setup link is not valid: the setup is done, the link expired, or it is wrong. Log in; if there is no account yet, restart Loket for a new link.',
  },
} as const;

/** A console language: the same two languages a citizen is answered in. */
export type ConsoleLang = Lang;
/** A key of the console's word list. */
export type WordKey = keyof typeof WORDS;

/** The console text for `key` in `lang`. */
export const t = wordsOf(WORDS);

const CHANNEL_WORD = {
  telegram: 'channelTelegram',
  whatsapp: 'channelWhatsapp',
  wa_cloud: 'channelWaCloud',
  terminal: 'channelTerminal',
  console: 'channelConsole',
} as const satisfies Record<Channel, WordKey>;

/** A channel as people name it ("WhatsApp"), never its stored code. */
export function channelName(lang: ConsoleLang, channel: Channel): string {
  return t(lang, CHANNEL_WORD[channel]);
}
