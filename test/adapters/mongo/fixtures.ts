import type { NewApplication } from '../../../src/ports/application-repository.js';

/** A plausible new KTP application; tests override what they look at. */
export function newApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  const at = new Date('2025-03-03T02:00:00.000Z');
  return {
    serviceId: 'ktp',
    applicant: {
      name: 'Siti Rahmawati',
      nik: '3171014708900003',
      phone: '081234567890',
      contact: { channel: 'telegram', chatId: '5550001' },
    },
    answers: { jenis: 'hilang', nama: 'Siti Rahmawati', setuju: true, lantai: 2, catatan: null },
    documents: [
      {
        id: '65f000000000000000000001',
        stepId: 'surat_kehilangan',
        filename: 'laporan.pdf',
        contentType: 'application/pdf',
        size: 1234,
        sha256: 'a'.repeat(64),
        uploadedAt: at,
      },
    ],
    officeId: '31.71.01.1001',
    status: 'SUBMITTED',
    statusHistory: [{ from: null, to: 'SUBMITTED', at, by: { kind: 'citizen', id: 'telegram:5550001' } }],
    createdAt: at,
    updatedAt: at,
    slaDueAt: new Date('2025-03-10T10:00:00.000Z'),
    ...overrides,
  };
}

/** Tracking numbers in the product's shape, counted up: `PTSP-2503-00001`, ... */
export function sequentialNumbers(start = 1): () => string {
  let n = start;
  return () => `PTSP-2503-${String(n++).padStart(5, '0')}`;
}
