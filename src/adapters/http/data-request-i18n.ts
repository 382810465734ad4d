import { wordsOf } from './words.js';

/**
 * Words of the citizens' deletion requests (the data-requests page and its dashboard line),
 * Indonesian first; their own table so the feature does not touch the other supervisor words.
 */
const WORDS = {
  title: { id: 'Permintaan hapus data', en: 'Data deletion requests' },
  help: {
    id: 'Warga yang mengetik "hapus data saya" meminta datanya dihapus (UU 27/2022). Putuskan paling lambat 3×24 jam setelah diminta. Setujui menghapus data permohonan yang sudah selesai, percakapan dengan petugas yang sudah ditutup, komentar survei, dan draf; permohonan yang masih diproses tetap disimpan sampai selesai. Tolak wajib dengan alasan, yang dikirim ke warga.',
    en: 'Citizens who type "hapus data saya" ask for their data to be deleted (UU 27/2022). Decide within 3×24 hours of the request. Approving erases finished applications, closed officer conversations, survey comments and the draft; applications in progress are kept until they finish. Refusing needs a reason, which is sent to the citizen.',
  },
  requested: { id: 'Diminta (WIB)', en: 'Requested (WIB)' },
  due: { id: 'Batas waktu (WIB)', en: 'Deadline (WIB)' },
  chat: { id: 'Chat', en: 'Chat' },
  deletes: { id: 'Yang dihapus', en: 'What is deleted' },
  status: { id: 'Status', en: 'Status' },
  decision: { id: 'Keputusan', en: 'Decision' },
  overdue: { id: 'terlambat', en: 'overdue' },
  pending: { id: 'Menunggu', en: 'Pending' },
  approved: { id: 'Disetujui', en: 'Approved' },
  refused: { id: 'Ditolak', en: 'Refused' },
  finalApplications: { id: '{count} permohonan selesai', en: '{count} finished applications' },
  inProgress: { id: 'tetap disimpan (masih diproses): {list}', en: 'kept (in progress): {list}' },
  draft: { id: 'draf yang sedang diisi', en: 'the draft being filled in' },
  handoffs: { id: '{count} percakapan petugas', en: '{count} officer conversations' },
  approve: { id: 'Setujui', en: 'Approve' },
  refuse: { id: 'Tolak', en: 'Refuse' },
  reason: { id: 'Alasan penolakan', en: 'Reason for refusing' },
  none: { id: 'Belum ada permintaan hapus data.', en: 'No deletion requests yet.' },
  doneApproved: {
    id: 'Permintaan disetujui; data warga sudah dihapus.',
    en: "Request approved; the citizen's data is deleted.",
  },
  doneRefused: {
    id: 'Permintaan ditolak; alasannya dikirim ke warga.',
    en: 'Request refused; the reason goes to the citizen.',
  },
  notNotified: {
    id: 'Pemberitahuan ke warga belum terkirim; akan dicoba lagi otomatis.',
    en: 'The notice to the citizen is not delivered yet; it is retried automatically.',
  },
  dashboardPending: {
    id: '{count} permintaan hapus data menunggu',
    en: '{count} data deletion requests pending',
  },
  dashboardNearest: { id: 'batas terdekat {due}', en: 'nearest deadline {due}' },
  dashboardNone: {
    id: 'Tidak ada permintaan hapus data yang menunggu.',
    en: 'No data deletion requests pending.',
  },
} as const;

/** A word of the deletion-request pages in the officer's language. */
export const tdr = wordsOf(WORDS);
