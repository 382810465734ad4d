import { describe, expect, it } from '@jest/globals';
import { renderFragment } from '../../../src/adapters/http/views/html.js';
import { AgencyInbox } from '../../../src/adapters/http/views/agency-inbox.js';
import { AgencySection } from '../../../src/adapters/http/views/agency-steps.js';
import type { Agency, AgencyStep } from '../../../src/domain/agency.js';
import { newApplication } from '../mongo/fixtures.js';

const step: AgencyStep = {
  agencyId: 'dinas_pupr',
  forwardedAt: new Date('2027-03-01T02:00:00Z'),
  forwardedBy: 'o1',
  slaDays: 5,
  slaDueAt: new Date('2027-03-08T09:00:00Z'),
  note: 'Mohon pemeriksaan teknis gambar',
};
const app = {
  ...newApplication({ serviceId: 'pbg', status: 'IN_REVIEW', agencySteps: [step] }),
  id: 'a1',
  trackingNumber: 'PTSP-2027-000001',
  version: 3,
};
const agencies = new Map<string, Agency>([
  ['dinas_pupr', { id: 'dinas_pupr', name: 'Dinas Cipta Karya, Tata Ruang', shortName: 'Dinas Cipta Karya' }],
]);
const wait = { day: 6, of: 5, late: true };

const heads = (html: string) => [...html.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
const cells = (html: string) =>
  [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('one agency step table for the application page and the agency inbox', () => {
  it('should say a step the same way on both, the inbox adding whose application it is', () => {
    const page = renderFragment(
      AgencySection({ lang: 'id', csrf: 't', app, agencies, waits: [wait], canForward: true }),
    );
    const inbox = renderFragment(
      AgencyInbox({
        lang: 'id',
        csrf: 't',
        items: [{ app, serviceName: 'PBG', wait }],
        nameOf: (id: string) => agencies.get(id)?.shortName ?? id,
      }),
    );
    expect(heads(inbox)).toEqual(['Permohonan', ...heads(page)]);
    expect(heads(page)).toContain('Hari kerja');
    expect(cells(inbox)).toEqual(['PTSP-2027-000001 · PBG', ...cells(page)]);
    expect(cells(page)).toContain('hari ke-6 dari 5 hari kerja · melewati SLA instansi');
    // Both answer through the same form, each to its own route.
    expect(page).toContain('action="/console/applications/a1/agency-answer"');
    expect(inbox).toContain('action="/console/agency/a1/answer"');
    expect(inbox).toContain('name="version" value="3"');
  });
});
