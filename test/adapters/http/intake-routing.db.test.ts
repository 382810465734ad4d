import { beforeAll, describe, expect, it } from '@jest/globals';
import { api, useHttpApp } from './http-fixture.js';
import { fixtureFile, intakeSettings, KTP_HILANG } from './intake-support.js';

const intake = await intakeSettings();
const app = useHttpApp('intake_routing', { intake });

beforeAll(async () => {
  const { offices } = app().repos;
  const kelurahan = await offices.get('31.71.01.1001');
  const kecamatan = await offices.get('31.71.01');
  await offices.save({ ...kelurahan!, services: ['kk'] });
  await offices.save({ ...kecamatan!, sla: { ktp: 2 } });
});

describe('assisted intake for a service the kelurahan does not offer', () => {
  it('should file it at the kecamatan, with the kecamatan SLA', async () => {
    const f = app();
    const res = await api(f.base, f.tokens.sari, 'POST', '/api/applications', {
      serviceId: 'ktp',
      nonce: 'nonce-routing-1',
      answers: { ...KTP_HILANG },
      documents: {
        surat_kehilangan: [
          { filename: 'laporan.pdf', contentBase64: fixtureFile('surat.pdf').toString('base64') },
        ],
        foto_kk: [{ filename: 'kk.jpg', contentBase64: fixtureFile('foto-ktp.jpg').toString('base64') }],
      },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { application: { id: string }; office: { id: string } };
    expect(body.office.id).toBe('31.71.01');
    const stored = await f.repos.applications.findById(body.application.id);
    expect(stored?.officeId).toBe('31.71.01');
    expect(stored?.answers.kelurahan).toBe('31.71.01.1001');
    // Two working days, not the catalog's fourteen.
    const days = (stored!.slaDueAt.getTime() - stored!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeLessThan(5);
  });
});
