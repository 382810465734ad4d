import { z } from 'zod';
import { applicationSummarySchema } from './api-schemas.js';
import {
  agencyAnswerSchema,
  agencySchema,
  agencyStepSchema,
  forwardSchema,
  forwardedApplicationSchema,
} from './agency-schemas.js';

/** The agency routes of the OpenAPI document (agency-routes.ts), kept beside their schemas. */
export const AGENCY_OPERATIONS = [
  {
    method: 'get' as const,
    path: '/agencies',
    summary: 'Daftar instansi (dinas) tujuan penerusan (agencies applications can be forwarded to)',
    response: z.object({ items: z.array(agencySchema) }),
  },
  {
    method: 'post' as const,
    path: '/applications/{id}/forward',
    summary:
      'Teruskan permohonan ke instansi, dengan SLA langkah sendiri dalam hari kerja; diaudit (forward to an agency)',
    body: forwardSchema,
    response: z.object({ application: applicationSummarySchema, agencySteps: z.array(agencyStepSchema) }),
    roles: 'officer, supervisor, admin',
  },
  {
    method: 'post' as const,
    path: '/applications/{id}/agency-answer',
    summary:
      'Catat jawaban instansi pada langkah yang terbuka; akun instansi hanya untuk instansinya; diaudit (record the agency answer)',
    body: agencyAnswerSchema,
    response: z.object({ application: z.union([applicationSummarySchema, forwardedApplicationSchema]) }),
    roles: 'officer, supervisor, admin, agency',
  },
  {
    method: 'get' as const,
    path: '/agency/applications',
    summary:
      'Diteruskan ke instansi Anda: permohonan yang menunggu instansi akun ini, tanpa data pribadi (agency accounts)',
    response: z.object({ items: z.array(forwardedApplicationSchema) }),
    roles: 'agency',
  },
];
