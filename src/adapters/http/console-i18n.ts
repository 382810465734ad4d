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
  filter: { id: 'Saring', en: 'Filter' },
  search: { id: 'Cari nomor atau nama', en: 'Search number or name' },
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
} as const;

/** A console language. */
export type ConsoleLang = 'id' | 'en';
/** A key of the console's word list. */
export type WordKey = keyof typeof WORDS;

/** The console text for `key` in `lang`. */
export function t(lang: ConsoleLang, key: WordKey): string {
  return WORDS[key][lang];
}
