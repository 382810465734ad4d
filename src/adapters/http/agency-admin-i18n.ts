import { wordsOf } from './words.js';

/** The words of the admins' agencies page (`/console/admin/agencies`), Indonesian first. */
export const taa = wordsOf({
  title: { id: 'Instansi (dinas)', en: 'Agencies' },
  help: {
    id: 'Instansi tujuan penerusan permohonan. Daftar awal dari agencies.yaml katalog; perubahan di sini yang berlaku. Instansi nonaktif tidak menerima penerusan baru, tetapi langkah yang masih terbuka tetap tampil dan dapat dijawab.',
    en: "The agencies applications are forwarded to. The list starts from the catalog's agencies.yaml; edits here win. A deactivated agency takes no new forwards, but its open steps still show and can be answered.",
  },
  id: { id: 'Kode', en: 'Id' },
  idHelp: {
    id: 'Huruf kecil, angka dan garis bawah (contoh: dinas_pupr). Tidak dapat diubah setelah disimpan.',
    en: 'Lower-case letters, digits and underscores (e.g. dinas_pupr). Cannot be changed once saved.',
  },
  name: { id: 'Nama lengkap', en: 'Full name' },
  shortName: { id: 'Nama singkat (dibaca warga)', en: 'Short name (what citizens read)' },
  contact: { id: 'Kontak (telepon, surel atau alamat)', en: 'Contact (phone, e-mail or address)' },
  active: { id: 'Aktif', en: 'Active' },
  status: { id: 'Status', en: 'Status' },
  isActive: { id: 'aktif', en: 'active' },
  isInactive: { id: 'nonaktif', en: 'deactivated' },
  add: { id: 'Tambah instansi', en: 'Add an agency' },
  save: { id: 'Simpan', en: 'Save' },
  edit: { id: 'Ubah', en: 'Edit' },
  deactivate: { id: 'Nonaktifkan', en: 'Deactivate' },
  activate: { id: 'Aktifkan', en: 'Activate' },
  none: { id: 'Belum ada instansi.', en: 'No agencies yet.' },
  back: { id: 'Kembali ke daftar instansi', en: 'Back to the agencies' },
  created: { id: 'Instansi ditambahkan.', en: 'Agency added.' },
  saved: { id: 'Data instansi tersimpan.', en: 'Agency saved.' },
  enabled: { id: 'Instansi diaktifkan.', en: 'Agency activated.' },
  disabled: { id: 'Instansi dinonaktifkan.', en: 'Agency deactivated.' },
  accountAgency: {
    id: 'Instansi (wajib untuk akun instansi)',
    en: 'Agency (required for an agency account)',
  },
  accountAgencyNone: { id: '(bukan akun instansi)', en: '(not an agency account)' },
  accountAgencyHint: {
    id: 'Hanya untuk peran "Akun instansi"; kosongkan untuk peran lain. Kelola daftarnya di halaman Instansi.',
    en: 'Only for the "Agency account" role; leave empty for other roles. Keep the list on the Agencies page.',
  },
});

/** A word of the agencies page. */
export type AgencyAdminWord = Parameters<typeof taa>[1];
