import { Types } from 'mongoose';
import type {
  Actor,
  Application,
  ApplicationStatus,
  Channel,
  StatusChange,
} from '../../domain/application.js';
import { contactKeyOf, type ApplicationRecord } from './application-model.js';
import { compact } from './mongo-utils.js';

/** Stored record -> domain application (ddd-forum's `toDomain`). */
export function applicationToDomain(r: ApplicationRecord): Application {
  const { contact } = r.applicant;
  return compact<Application>({
    id: r._id.toHexString(),
    trackingNumber: r.trackingNumber,
    serviceId: r.serviceId,
    applicant: compact({
      name: r.applicant.name,
      nik: r.applicant.nik,
      phone: r.applicant.phone,
      contact: contact ? { channel: contact.channel as Channel, chatId: contact.chatId } : undefined,
    }),
    answers: { ...r.answers },
    documents: r.documents.map((d) => ({ ...d })),
    officeId: r.officeId,
    status: r.status as ApplicationStatus,
    statusHistory: r.statusHistory.map((h) =>
      compact<StatusChange>({
        from: (h.from ?? null) as ApplicationStatus | null,
        to: h.to as ApplicationStatus,
        at: h.at,
        by: { kind: h.by.kind as Actor['kind'], id: h.by.id },
        note: h.note ?? undefined,
      }),
    ),
    rejectionReason: r.rejectionReason ?? undefined,
    revision: r.revision ? { stepId: r.revision.stepId, note: r.revision.note } : undefined,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    slaDueAt: r.slaDueAt,
    erasedAt: r.erasedAt ?? undefined,
    overdueNoticeAt: r.overdueNoticeAt ?? undefined,
    version: r.version,
  });
}

/** Domain application -> stored record (ddd-forum's `toPersistence`); optional fields left out, not null. */
export function applicationToPersistence(a: Application): Omit<ApplicationRecord, 'idempotencyKey'> {
  return compact<Omit<ApplicationRecord, 'idempotencyKey'>>({
    _id: new Types.ObjectId(a.id),
    trackingNumber: a.trackingNumber,
    serviceId: a.serviceId,
    applicant: compact({
      name: a.applicant.name,
      nik: a.applicant.nik,
      phone: a.applicant.phone,
      contact: a.applicant.contact ? { ...a.applicant.contact } : undefined,
    }),
    contactKey: a.applicant.contact ? contactKeyOf(a.applicant.contact) : undefined,
    answers: { ...a.answers },
    documents: a.documents.map((d) => ({ ...d })),
    officeId: a.officeId,
    status: a.status,
    statusHistory: a.statusHistory.map((h) => compact({ ...h, by: { ...h.by } })),
    rejectionReason: a.rejectionReason,
    revision: a.revision ? { ...a.revision } : undefined,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    slaDueAt: a.slaDueAt,
    erasedAt: a.erasedAt,
    overdueNoticeAt: a.overdueNoticeAt,
    version: a.version,
  });
}
