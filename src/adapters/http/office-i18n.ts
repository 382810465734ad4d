import { wordsOf } from './words.js';

/** Words of the office pages (edit, holidays, services), Indonesian first. */
const WORDS = {
  office: { id: 'Kantor', en: 'Office' },
  name: { id: 'Nama kantor', en: 'Office name' },
  address: { id: 'Alamat', en: 'Address' },
  phone: { id: 'Telepon', en: 'Phone' },
  hours: { id: 'Jam layanan', en: 'Opening hours' },
  hoursHelp: {
    id: 'Sampai tiga periode per hari; istirahat (misalnya salat Jumat) adalah jeda di antara dua periode. Hari tanpa jam layanan tutup; centang "Tutup" untuk menutup hari tanpa menghapus jamnya.',
    en: 'Up to three periods a day; a break (such as Friday prayer) is the gap between two periods. A day without hours is closed; tick "Closed" to close a day and keep its hours in the form.',
  },
  open: { id: 'Buka', en: 'Opens' },
  close: { id: 'Tutup jam', en: 'Closes' },
  closed: { id: 'Tutup', en: 'Closed' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Data kantor tersimpan.', en: 'Office saved.' },
  readOnly: {
    id: 'Hanya admin yang dapat mengubah data kantor.',
    en: 'Only admins can change office data.',
  },
  edit: { id: 'Ubah', en: 'Edit' },
  level: { id: 'Tingkat', en: 'Level' },
  code: { id: 'Kode wilayah', en: 'Area code' },
  day_sun: { id: 'Minggu', en: 'Sunday' },
  day_mon: { id: 'Senin', en: 'Monday' },
  day_tue: { id: 'Selasa', en: 'Tuesday' },
  day_wed: { id: 'Rabu', en: 'Wednesday' },
  day_thu: { id: 'Kamis', en: 'Thursday' },
  day_fri: { id: 'Jumat', en: 'Friday' },
  day_sat: { id: 'Sabtu', en: 'Saturday' },
  level_provinsi: { id: 'Provinsi', en: 'Province' },
  level_kota: { id: 'Kabupaten/Kota', en: 'Regency/City' },
  level_kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  level_kelurahan: { id: 'Kelurahan/Desa', en: 'Village (kelurahan/desa)' },
  holidays: { id: 'Hari libur', en: 'Holidays' },
  services: { id: 'Layanan di kantor ini', en: 'Services at this office' },
  servicesHelp: {
    id: 'Permohonan layanan yang tidak dicentang diteruskan ke kantor terdekat di atasnya (kecamatan, lalu kota) yang melayaninya, dan warga diberi tahu. SLA kosong memakai SLA katalog.',
    en: "Applications for an unticked service go to the nearest office above (kecamatan, then kota) that offers it, and the citizen is told. A blank SLA keeps the catalog's.",
  },
  service: { id: 'Layanan', en: 'Service' },
  offered: { id: 'Dilayani', en: 'Offered' },
  catalogSla: { id: 'SLA katalog (hari kerja)', en: 'Catalog SLA (working days)' },
  localSla: { id: 'SLA kantor ini (hari kerja)', en: "This office's SLA (working days)" },
  officeHolidays: { id: 'Hari libur kantor ini', en: "This office's holidays" },
  officeHolidaysHelp: {
    id: 'Libur daerah (misalnya hari jadi kota) juga berlaku untuk kantor di bawahnya.',
    en: 'Local holidays (such as a town anniversary) also close the offices below this one.',
  },
  national: { id: 'Libur nasional dan cuti bersama', en: 'National holidays and collective leave' },
  nationalHelp: {
    id: 'Menurut SKB 3 Menteri. Tanggal bertanda "perkiraan" belum dicocokkan dengan SKB tahun itu.',
    en: 'From the joint ministerial decree (SKB). Dates marked "perkiraan" are estimates not yet checked against that year\'s SKB.',
  },
  added: { id: 'Hari libur tambahan untuk semua kantor', en: 'Added holidays for every office' },
  date: { id: 'Tanggal', en: 'Date' },
  holidayName: { id: 'Nama hari libur', en: 'Holiday name' },
  kind: { id: 'Jenis', en: 'Kind' },
  kind_libur_nasional: { id: 'Libur nasional', en: 'National holiday' },
  kind_cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  add: { id: 'Tambah', en: 'Add' },
  remove: { id: 'Hapus', en: 'Remove' },
  none: { id: 'Belum ada.', en: 'None yet.' },
  holidayAdded: { id: 'Hari libur ditambahkan.', en: 'Holiday added.' },
  holidayRemoved: { id: 'Hari libur dihapus.', en: 'Holiday removed.' },
} as const;

/** A word of the office pages. */
export type OfficeWord = keyof typeof WORDS;

/** The office pages' text for `key` in `lang`. */
export const to = wordsOf<OfficeWord>(WORDS);
