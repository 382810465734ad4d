import type { Application, ApplicationStatus } from '../../domain/application.js';
import { describeStatus } from '../../domain/status.js';

/** What the citizen should do next, per status, so a notification is never just a code. */
const NEXT_STEP: Readonly<Record<ApplicationStatus, string>> = {
  SUBMITTED: 'Permohonan Anda menunggu diperiksa petugas.',
  IN_REVIEW: 'Anda tidak perlu melakukan apa pun; kami kabari lagi bila ada perubahan.',
  NEEDS_REVISION:
    'Mohon kirim perbaikan yang diminta lewat chat ini; jawaban dan dokumen lain tetap tersimpan.',
  APPROVED: 'Dokumen Anda sedang disiapkan; kami kabari bila sudah bisa diambil.',
  READY_FOR_PICKUP:
    'Silakan ambil di kantor pada jam layanan dengan membawa KTP asli dan menyebut nomor pelacakan ini.',
  COMPLETED: 'Terima kasih telah menggunakan layanan kami.',
  REJECTED: 'Anda dapat mengajukan permohonan baru, atau ketik "petugas" untuk bertanya.',
  CANCELLED: 'Permohonan ini tidak diproses lagi.',
};

/**
 * The Indonesian text of a status notification: tracking number, the status in plain words,
 * the officer's note or reason, and what to do next. Stored in the outbox as is.
 */
export function statusNotice(app: Application): string {
  const lines = [
    `Pembaruan permohonan ${app.trackingNumber}:`,
    `Status: ${describeStatus(app.status, 'id')}.`,
  ];
  if (app.status === 'REJECTED' && app.rejectionReason) lines.push(`Alasan: ${app.rejectionReason}`);
  else if (app.status === 'NEEDS_REVISION' && app.revision)
    lines.push(`Yang perlu diperbaiki: ${app.revision.note}`);
  else {
    const note = app.statusHistory.at(-1)?.note;
    if (note) lines.push(`Catatan petugas: ${note}`);
  }
  lines.push(NEXT_STEP[app.status]);
  return lines.join('\n');
}
