import type { ChatAddress } from '../../domain/application.js';
import type { Lang } from '../../domain/lang.js';
import type { OutgoingFile } from '../../ports/channel-sender.js';
import type { ChatData } from './chat-data.js';
import { jakartaDay } from '../../dialogue/dates.js';

/** What the file says it is, in the citizen's language. */
const ABOUT: Readonly<Record<Lang, string>> = {
  id: 'Salinan data yang disimpan Loket tentang chat ini (UU 27/2022 tentang Pelindungan Data Pribadi). Untuk meminta penghapusan, ketik "hapus data saya" di chat.',
  en: 'A copy of the data Loket holds about this chat (Indonesian Personal Data Protection Law, UU 27/2022). To ask for deletion, type "delete my data" in the chat.',
};

/** `data-saya-2026-12-07.json`: the day in Jakarta, where the office is. */
export function exportFilename(at: Date): string {
  return `data-saya-${jakartaDay(at.toISOString())}.json`;
}

/** The export as a plain object: every field Loket keeps for the chat, with dates as ISO text. */
export function exportDocument(
  data: ChatData,
  chat: ChatAddress,
  at: Date,
  lang: Lang,
): Record<string, unknown> {
  return {
    keterangan: ABOUT[lang],
    dibuat: at.toISOString(),
    chat: { kanal: chat.channel, id: chat.chatId },
    permohonan: data.applications.map((a) => ({
      nomorPelacakan: a.trackingNumber,
      layanan: a.serviceId,
      status: a.status,
      kantor: a.officeId,
      diajukan: a.createdAt.toISOString(),
      diperbarui: a.updatedAt.toISOString(),
      targetSelesai: a.slaDueAt.toISOString(),
      pemohon: {
        nama: a.applicant.name,
        nik: a.applicant.nik,
        ...(a.applicant.phone ? { telepon: a.applicant.phone } : {}),
      },
      jawaban: a.answers,
      berkas: a.documents.map((d) => ({
        langkah: d.stepId,
        nama: d.filename,
        jenis: d.contentType,
        ukuran: d.size,
        diunggah: d.uploadedAt.toISOString(),
      })),
      riwayatStatus: a.statusHistory.map((c) => ({ dari: c.from, ke: c.to, pada: c.at.toISOString() })),
      ...(a.rejectionReason ? { alasanDitolak: a.rejectionReason } : {}),
      ...(a.revision ? { perbaikan: { langkah: a.revision.stepId, catatan: a.revision.note } } : {}),
      ...(a.erasedAt ? { dataPribadiDihapus: a.erasedAt.toISOString() } : {}),
    })),
    drafPermohonan: data.draft
      ? {
          layanan: data.draft.serviceId,
          jawaban: data.draft.answers,
          berkas: Object.entries(data.draft.documents).flatMap(([step, files]) =>
            files.map((f) => ({ langkah: step, nama: f.filename, jenis: f.contentType, ukuran: f.size })),
          ),
        }
      : null,
    percakapanPetugas: data.handoffs.map((h) => ({
      id: h.id,
      status: h.status,
      dibuka: h.createdAt.toISOString(),
      ...(h.closedAt ? { ditutup: h.closedAt.toISOString() } : {}),
      ...(h.citizenName ? { namaDiKanal: h.citizenName } : {}),
      transkrip: h.transcript.map((l) => ({
        dari: l.from,
        teks: l.text,
        pada: l.at.toISOString(),
        ...(l.attachment ? { berkas: l.attachment.filename } : {}),
      })),
    })),
    surveiKepuasan: data.satisfaction.map((s) => ({
      percakapan: s.ticketId,
      nilai: s.score,
      ...(s.comment ? { komentar: s.comment } : {}),
      dijawab: s.answeredAt.toISOString(),
    })),
    permintaanHapus: data.pendingDeletion
      ? {
          diajukan: data.pendingDeletion.createdAt.toISOString(),
          batasWaktu: data.pendingDeletion.dueAt.toISOString(),
          status: data.pendingDeletion.status,
        }
      : null,
  };
}

/** The export as the file sent to the chat: pretty JSON in UTF-8. */
export function exportFile(data: ChatData, chat: ChatAddress, at: Date, lang: Lang): OutgoingFile {
  const json = JSON.stringify(exportDocument(data, chat, at, lang), null, 2);
  return {
    bytes: Buffer.from(`${json}\n`, 'utf8'),
    filename: exportFilename(at),
    contentType: 'application/json',
  };
}
