import type { Application, ApplicationStatus } from '../../domain/application.js';
import { describeStatus } from '../../domain/status.js';
import type { Lang } from '../../dialogue/types.js';

/** What the citizen should do next, per status, so a notification is never just a code. */
const NEXT_STEP: Readonly<Record<ApplicationStatus, Record<Lang, string>>> = {
  SUBMITTED: {
    id: 'Permohonan Anda menunggu diperiksa petugas.',
    en: 'Your application is waiting to be checked by an officer.',
  },
  IN_REVIEW: {
    id: 'Anda tidak perlu melakukan apa pun; kami kabari lagi bila ada perubahan.',
    en: 'You need not do anything; we will tell you when something changes.',
  },
  NEEDS_REVISION: {
    id: 'Mohon kirim perbaikan yang diminta lewat chat ini; jawaban dan dokumen lain tetap tersimpan.',
    en: 'Please send the requested correction in this chat; your other answers and documents are kept.',
  },
  APPROVED: {
    id: 'Dokumen Anda sedang disiapkan; kami kabari bila sudah bisa diambil.',
    en: 'Your document is being prepared; we will tell you when it can be picked up.',
  },
  READY_FOR_PICKUP: {
    id: 'Silakan ambil di kantor pada jam layanan dengan membawa KTP asli dan menyebut nomor pelacakan ini.',
    en: 'Please pick it up at the office during service hours, bringing your original KTP and this tracking number.',
  },
  COMPLETED: { id: 'Terima kasih telah menggunakan layanan kami.', en: 'Thank you for using our service.' },
  REJECTED: {
    id: 'Anda dapat mengajukan permohonan baru, atau ketik "petugas" untuk bertanya.',
    en: 'You may file a new application, or type "officer" to ask a person.',
  },
  CANCELLED: { id: 'Permohonan ini tidak diproses lagi.', en: 'This application is no longer processed.' },
};

const WORDS = {
  update: { id: 'Pembaruan permohonan', en: 'Update on application' },
  status: { id: 'Status', en: 'Status' },
  reason: { id: 'Alasan', en: 'Reason' },
  fix: { id: 'Yang perlu diperbaiki', en: 'What to correct' },
  note: { id: 'Catatan petugas', en: "Officer's note" },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * The text of a status notification in the citizen's language: tracking number, the status in
 * plain words, the officer's note or reason (as the officer wrote it), and what to do next.
 * Stored in the outbox as is.
 */
export function statusNotice(app: Application, lang: Lang = 'id'): string {
  const lines = [
    `${WORDS.update[lang]} ${app.trackingNumber}:`,
    `${WORDS.status[lang]}: ${describeStatus(app.status, lang)}.`,
  ];
  if (app.status === 'REJECTED' && app.rejectionReason)
    lines.push(`${WORDS.reason[lang]}: ${app.rejectionReason}`);
  else if (app.status === 'NEEDS_REVISION' && app.revision)
    lines.push(`${WORDS.fix[lang]}: ${app.revision.note}`);
  else {
    const note = app.statusHistory.at(-1)?.note;
    if (note) lines.push(`${WORDS.note[lang]}: ${note}`);
  }
  lines.push(NEXT_STEP[app.status][lang]);
  return lines.join('\n');
}
