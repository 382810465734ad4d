import type { ConsoleLang } from './console-i18n.js';
import { wordsOf } from './words.js';

/**
 * Words of the supervisor and admin pages (dashboard, audit log, deliveries, accounts),
 * Indonesian first. Kept beside console-i18n's list, in the same shape, so these pages grow
 * without every console change touching one shared file.
 */
const WORDS = {
  dashboard: { id: 'Dasbor', en: 'Dashboard' },
  audit: { id: 'Log audit', en: 'Audit log' },
  deliveries: { id: 'Pesan tak terkirim', en: 'Undelivered messages' },
  admin: { id: 'Akun petugas', en: 'Officer accounts' },
  offices: { id: 'Kantor', en: 'Offices' },
  show: { id: 'Tampilkan', en: 'Show' },
  pointsTitle: { id: 'Poin per petugas', en: 'Points per officer' },
  pointsHelp: {
    id: 'Satu poin untuk tiap permohonan yang diselesaikan dan tiap percakapan yang dilayani.',
    en: 'One point per completed application and per handled conversation.',
  },
  officer: { id: 'Petugas', en: 'Officer' },
  completed: { id: 'Permohonan selesai', en: 'Completed applications' },
  conversations: { id: 'Percakapan dilayani', en: 'Conversations handled' },
  points: { id: 'Poin', en: 'Points' },
  perDayTitle: { id: 'Permohonan masuk per hari', en: 'Applications per day' },
  perOfficeDay: { id: 'Permohonan per kantor per hari', en: 'Applications per office per day' },
  date: { id: 'Tanggal', en: 'Date' },
  count: { id: 'Jumlah', en: 'Count' },
  processingTitle: { id: 'Waktu proses dibanding SLA', en: 'Processing time against the SLA' },
  finished: { id: 'Selesai diproses', en: 'Finished' },
  medianHours: { id: 'Median waktu proses (jam)', en: 'Median processing time (hours)' },
  medianSla: { id: 'Median batas SLA (jam)', en: 'Median SLA allowance (hours)' },
  withinSla: { id: 'Tepat waktu', en: 'Within SLA' },
  lateDone: { id: 'Terlambat', en: 'Late' },
  overdueTitle: { id: 'Permohonan melewati tenggat', en: 'Overdue applications' },
  daysLate: { id: 'Hari terlambat', en: 'Days late' },
  handoffTitle: { id: 'Waktu tunggu percakapan', en: 'Conversation waiting times' },
  claimed: { id: 'Percakapan diambil', en: 'Conversations claimed' },
  medianWait: { id: 'Median tunggu (menit)', en: 'Median wait (minutes)' },
  p90Wait: { id: '90% menunggu kurang dari (menit)', en: '90% waited less than (minutes)' },
  maxWait: { id: 'Tunggu terlama (menit)', en: 'Longest wait (minutes)' },
  waitingNow: { id: 'Sedang menunggu sekarang', en: 'Waiting now' },
  longestNow: { id: 'Tunggu terlama saat ini (menit)', en: 'Longest current wait (minutes)' },
  loadTitle: {
    id: 'Beban per jam dan hari (WIB): permohonan baru dan permintaan petugas',
    en: 'Load by hour and weekday (WIB): new applications and officer requests',
  },
  loadHelp: {
    id: 'Makin gelap makin ramai. Pakai untuk mengatur jadwal petugas dan jam buka.',
    en: 'Darker is busier. Use it to plan staffing and opening hours.',
  },
  truncated: {
    id: 'Data terlalu banyak; angka hanya mencakup kejadian terbaru. Persempit rentang tanggal.',
    en: 'Too much data; numbers cover the newest events only. Narrow the date range.',
  },
  when: { id: 'Waktu (WIB)', en: 'When (WIB)' },
  who: { id: 'Siapa', en: 'Who' },
  what: { id: 'Tindakan', en: 'Action' },
  before: { id: 'Sebelum', en: 'Before' },
  after: { id: 'Sesudah', en: 'After' },
  detail: { id: 'Rincian', en: 'Details' },
  action: { id: 'Jenis tindakan', en: 'Action type' },
  trackingNumber: { id: 'Nomor pelacakan', en: 'Tracking number' },
  usernameOf: { id: 'Nama pengguna petugas', en: 'Officer username' },
  previous: { id: '« Sebelumnya', en: '« Previous' },
  next: { id: 'Berikutnya »', en: 'Next »' },
  auditOfApp: { id: 'Log audit permohonan ini', en: 'Audit log of this application' },
  unreachable: {
    id: 'Warga tidak dapat dihubungi (memblokir bot atau nomor tidak aktif): pemberitahuan tidak sampai.',
    en: 'Citizen unreachable (blocked the bot or number gone): the notification did not arrive.',
  },
  failedNotice: {
    id: 'Pemberitahuan gagal terkirim setelah beberapa kali dicoba.',
    en: 'The notification failed after several attempts.',
  },
  deliveriesHelp: {
    id: 'Warga di bawah ini tidak menerima pembaruan status. Hubungi lewat telepon atau beri tahu di loket.',
    en: 'These citizens did not get their status update. Call them or tell them at the counter.',
  },
  deliveryStatus: { id: 'Keadaan', en: 'State' },
  st_unreachable: { id: 'Tidak dapat dihubungi', en: 'Unreachable' },
  st_failed: { id: 'Gagal', en: 'Failed' },
  attempts: { id: 'Percobaan', en: 'Attempts' },
  error: { id: 'Galat', en: 'Error' },
  message: { id: 'Pesan', en: 'Message' },
  // A file row of the outbound path: the "data saya" export is named, not shown.
  exportFile: {
    id: 'Berkas salinan data warga ("data saya")',
    en: 'Copy of the citizen\'s data ("my data")',
  },
  newOfficer: { id: 'Tambah petugas', en: 'Add officer' },
  displayName: { id: 'Nama lengkap', en: 'Display name' },
  role: { id: 'Peran', en: 'Role' },
  role_officer: { id: 'Petugas', en: 'Officer' },
  role_supervisor: { id: 'Supervisor', en: 'Supervisor' },
  role_admin: { id: 'Admin', en: 'Admin' },
  role_agency: { id: 'Akun instansi (dinas)', en: 'Agency account' },
  officeCode: { id: 'Kode kantor (wilayah)', en: 'Office code (area)' },
  officeCodeHint: {
    id: 'Kode Kemendagri kantornya; cari dengan nama di daftar kantor.',
    en: "The office's Kemendagri code; look it up by name in the office list.",
  },
  create: { id: 'Buat akun', en: 'Create account' },
  active: { id: 'Aktif', en: 'Active' },
  inactive: { id: 'Nonaktif', en: 'Disabled' },
  disable: { id: 'Nonaktifkan', en: 'Disable' },
  enable: { id: 'Aktifkan', en: 'Enable' },
  newPassword: { id: 'Kata sandi baru', en: 'New password' },
  resetPassword: { id: 'Ganti kata sandi', en: 'Reset password' },
  tokens: { id: 'Token API', en: 'API tokens' },
  issueToken: { id: 'Buat token', en: 'Issue token' },
  revokeTokens: { id: 'Cabut semua token', en: 'Revoke all tokens' },
  tokenOnce: {
    id: 'Salin token ini sekarang: token hanya ditampilkan sekali.',
    en: 'Copy this token now: it is shown only once.',
  },
  back: { id: 'Kembali', en: 'Back' },
  created: { id: 'Akun dibuat.', en: 'Account created.' },
  enabled: { id: 'Akun diaktifkan.', en: 'Account enabled.' },
  disabled: { id: 'Akun dinonaktifkan.', en: 'Account disabled.' },
  passwordSet: { id: 'Kata sandi diganti.', en: 'Password changed.' },
  revoked: { id: 'Token dicabut:', en: 'Tokens revoked:' },
  locked: { id: 'Terkunci', en: 'Locked' },
  level: { id: 'Tingkat', en: 'Level' },
  name: { id: 'Nama', en: 'Name' },
  code: { id: 'Kode', en: 'Code' },
  hours: { id: 'Jam buka', en: 'Opening hours' },
  hoursUnit: { id: 'jam', en: 'h' },
  day0: { id: 'Minggu', en: 'Sunday' },
  day1: { id: 'Senin', en: 'Monday' },
  day2: { id: 'Selasa', en: 'Tuesday' },
  day3: { id: 'Rabu', en: 'Wednesday' },
  day4: { id: 'Kamis', en: 'Thursday' },
  day5: { id: 'Jumat', en: 'Friday' },
  day6: { id: 'Sabtu', en: 'Saturday' },
  searchOffice: { id: 'Cari nama atau kode', en: 'Search name or code' },
  forbidden: {
    id: 'Anda tidak berwenang membuka halaman ini.',
    en: 'You are not allowed to open this page.',
  },
} as const;

/** A key of the supervisor pages' word list. */
export type SupervisorWord = keyof typeof WORDS;

/** The supervisor/admin page text for `key` in `lang`. */
export const ts = wordsOf(WORDS);

/** A weekday's name, 0 = Sunday (as `Date.getDay` and the load heat map count). */
export function weekdayName(lang: ConsoleLang, day: 0 | 1 | 2 | 3 | 4 | 5 | 6): string {
  return ts(lang, `day${day}` as const);
}
