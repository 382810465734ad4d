import type { Application } from '../../domain/application.js';
import { isFinal } from '../../domain/status.js';
import { maskNik } from '../../domain/nik.js';
import type { HandoffTicket } from '../../ports/handoff-repository.js';
import type { z } from 'zod';
import type { applicationSummarySchema, handoffSummarySchema } from './api-schemas.js';

/** A chat id shown only by its last digits: a WhatsApp chat id is the citizen's phone number. */
export function maskChat(chatId: string): string {
  return chatId.length <= 4 ? chatId : `••••${chatId.slice(-4)}`;
}

/** Late: not finished (nor ready for pickup) and past its SLA. */
export function isOverdue(app: Application, now: Date): boolean {
  return !isFinal(app.status) && app.status !== 'READY_FOR_PICKUP' && app.slaDueAt < now;
}

/** An application as lists show it: the NIK masked. */
export function applicationSummary(app: Application, now: Date): z.infer<typeof applicationSummarySchema> {
  return {
    id: app.id,
    trackingNumber: app.trackingNumber,
    serviceId: app.serviceId,
    status: app.status,
    officeId: app.officeId,
    applicantName: app.applicant.name,
    nikMasked: maskNik(app.applicant.nik),
    createdAt: app.createdAt.toISOString(),
    slaDueAt: app.slaDueAt.toISOString(),
    overdue: isOverdue(app, now),
    version: app.version,
  };
}

/** A handoff ticket as the queue shows it. */
export function handoffSummary(t: HandoffTicket, now: Date): z.infer<typeof handoffSummarySchema> {
  return {
    id: t.id,
    channel: t.channel,
    citizen: t.citizenName ?? maskChat(t.chatId),
    reason: t.reason,
    priority: t.priority,
    status: t.status,
    ...(t.officerId ? { officerId: t.officerId } : {}),
    createdAt: t.createdAt.toISOString(),
    waitingSeconds: Math.max(0, Math.round((now.getTime() - t.createdAt.getTime()) / 1000)),
  };
}
