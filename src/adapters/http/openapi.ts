import { z } from 'zod';
import {
  applicationQuerySchema,
  applicationSummarySchema,
  errorSchema,
  handoffSummarySchema,
  newOfficerSchema,
  replySchema,
  statusChangeSchema,
} from './api-schemas.js';
import { SUPERVISOR_OPERATIONS } from './supervisor-openapi.js';
import { AGENCY_OPERATIONS } from './agency-openapi.js';
import { HANDOFF_FLOW_OPERATIONS } from './handoff-flow-openapi.js';
import { assistedIntakeResultSchema, assistedIntakeSchema } from './intake-schemas.js';
import { availabilityResponseSchema, availabilitySchema } from './workload-schemas.js';

type JsonSchema = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  roles?: string;
}

const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } };

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/applications',
    summary: 'Daftar permohonan (list applications)',
    query: applicationQuerySchema,
    response: z.object({ items: z.array(applicationSummarySchema), total: z.number() }),
  },
  {
    method: 'post',
    path: '/applications',
    summary:
      'Ajukan permohonan untuk warga di loket; 201 baru, 200 bila nonce sama (assisted intake, documents base64)',
    body: assistedIntakeSchema,
    response: assistedIntakeResultSchema,
  },
  {
    method: 'get',
    path: '/applications/{id}',
    summary: 'Detail permohonan dan riwayat (detail with history)',
  },
  {
    method: 'post',
    path: '/applications/{id}/status',
    summary: 'Ubah status (change status)',
    body: statusChangeSchema,
    response: z.object({ application: applicationSummarySchema, notified: z.boolean() }),
  },
  {
    method: 'get',
    path: '/applications/{id}/documents/{docId}',
    summary: 'Unduh dokumen (document bytes, authenticated)',
  },
  {
    method: 'get',
    path: '/handoffs',
    summary: 'Antrean percakapan (waiting queue)',
    response: z.object({ items: z.array(handoffSummarySchema) }),
  },
  {
    method: 'get',
    path: '/handoffs/{id}',
    summary: 'Percakapan dan transkrip (conversation with transcript)',
  },
  { method: 'post', path: '/handoffs/{id}/claim', summary: 'Ambil percakapan (claim)' },
  { method: 'post', path: '/handoffs/{id}/reply', summary: 'Balas warga (reply)', body: replySchema },
  { method: 'post', path: '/handoffs/{id}/release', summary: 'Kembalikan ke antrean (release)' },
  { method: 'get', path: '/officers', summary: 'Daftar petugas (list officers)', roles: 'admin' },
  {
    method: 'post',
    path: '/officers',
    summary: 'Buat akun petugas (create officer)',
    body: newOfficerSchema,
    roles: 'admin',
  },
  { method: 'post', path: '/me/tokens', summary: 'Buat token API, ditampilkan sekali (issue API token)' },
  {
    method: 'get',
    path: '/me/tokens',
    summary: 'Token API saya: awalan, dibuat, terakhir dipakai, kedaluwarsa (my API tokens, no secrets)',
  },
  {
    method: 'post',
    path: '/tokens/{id}/revoke',
    summary: 'Cabut satu token API, diaudit (revoke one API token)',
  },
  {
    method: 'get',
    path: '/csrf-token',
    summary: 'Token CSRF untuk permintaan dengan sesi (CSRF token for session requests)',
  },
  {
    method: 'get',
    path: '/me/availability',
    summary: 'Ketersediaan saya dan jumlah petugas siap di kantor saya (my availability)',
    response: availabilityResponseSchema,
  },
  {
    method: 'post',
    path: '/me/availability',
    summary: 'Atur siap melayani / tidak di loket, diaudit (set available or away)',
    body: availabilitySchema,
    response: availabilityResponseSchema,
  },
  ...SUPERVISOR_OPERATIONS,
  ...AGENCY_OPERATIONS,
  ...HANDOFF_FLOW_OPERATIONS,
];

function schemaOf(s: z.ZodType): JsonSchema {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
}

function queryParameters(q: z.ZodObject): JsonSchema[] {
  return Object.entries(q.shape).map(([name, s]) => ({
    name,
    in: 'query',
    required: !(s as z.ZodType).safeParse(undefined).success,
    schema: schemaOf(s as z.ZodType),
  }));
}

function operation(op: Operation): JsonSchema {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ ...ID, name: m[1] }));
  const error = { content: { 'application/json': { schema: schemaOf(errorSchema) } } };
  return {
    summary: op.summary,
    ...(op.roles ? { description: `Peran (roles): ${op.roles}` } : {}),
    parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body) } } } }
      : {}),
    responses: {
      200: {
        description: 'OK',
        ...(op.response ? { content: { 'application/json': { schema: schemaOf(op.response) } } } : {}),
      },
      400: { description: 'Isian tidak valid (invalid input)', ...error },
      401: { description: 'Belum masuk (no session or token)', ...error },
      403: { description: 'Tidak berwenang atau token CSRF salah (forbidden)', ...error },
      404: { description: 'Tidak ditemukan (not found)', ...error },
      409: { description: 'Bentrok: status tidak boleh atau data berubah (conflict)', ...error },
    },
  };
}

/** The OpenAPI 3.1 document of `/api`, generated from the same zod schemas that validate requests. */
export function buildOpenApi(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: '3.1.0',
    info: { title: 'Loket API', version: '0.1.0', description: 'API petugas Loket (officer API).' },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token API petugas (lkt_...)' },
        session: { type: 'apiKey', in: 'cookie', name: 'loket.sid' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
