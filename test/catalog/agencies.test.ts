import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkCatalog } from '../../src/catalog/check.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import { ENGINE_MESSAGE_KEYS } from '../../src/dialogue/message-keys.js';
import { tempOverlay } from './support/overlay.js';

describe('catalog agencies', () => {
  it('should ship the Jakarta agencies and the agency steps of the services that wait on one', async () => {
    const result = await checkCatalog({ requiredKeys: ENGINE_MESSAGE_KEYS });
    expect(result.problems).toEqual([]);
    expect(result.agencies.get('dinas_pupr')).toMatchObject({
      shortName: 'Dinas Cipta Karya',
      task: { id: 'pemeriksaan teknis', en: 'technical review' },
    });
    expect([...result.agencies.keys()]).toEqual(
      expect.arrayContaining(['disdukcapil', 'dinas_pupr', 'dpmptsp', 'dinas_sosial']),
    );
    for (const id of ['pbg', 'akta_kelahiran', 'akta_kematian', 'izin_usaha']) {
      expect(result.flows.get(id)?.agency_steps.length).toBeGreaterThan(0);
    }
    expect(result.flows.get('pbg')?.agency_steps).toEqual([{ agency: 'dinas_pupr', sla_days: 5 }]);
  });

  it("should take the overlay's agencies.yaml whole and report a flow naming an unknown agency", async () => {
    const t = await tempOverlay();
    try {
      await t.write(
        'agencies.yaml',
        '- id: dpupr_bogor\n  name: Dinas PUPR Kabupaten Bogor\n  short_name: Dinas PUPR\n  contact: "0251-000"\n',
      );
      const result = await checkCatalog({ overlayDir: t.root, requiredKeys: ENGINE_MESSAGE_KEYS });
      expect([...result.agencies.keys()]).toEqual(['dpupr_bogor']);
      // The shipped flows still name Jakarta's ids: each reference is reported where it is.
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          file: expect.stringContaining('akta_kelahiran.yaml') as unknown as string,
          path: 'agency_steps[0].agency',
          message: 'there is no agency "disdukcapil"',
        }),
      );
      expect(result.problems.some((p) => p.file === path.join(t.root, 'agencies.yaml'))).toBe(false);
    } finally {
      await t.cleanup();
    }
  });

  it('should report a duplicate agency and agency steps longer than the service SLA', async () => {
    const t = await tempOverlay();
    try {
      const one = '- id: dinas_pupr\n  name: Dinas Cipta Karya\n  short_name: Citata\n';
      await t.write('agencies.yaml', one + one);
      const izin = await readFile(path.join(PROJECT_ROOT, 'flows/izin_usaha.yaml'), 'utf8');
      await t.write(
        'flows/izin_usaha.yaml',
        izin.replace('agency: dinas_ppkukm, sla_days: 1', 'agency: dinas_pupr, sla_days: 3'),
      );
      const result = await checkCatalog({ overlayDir: t.root, requiredKeys: ENGINE_MESSAGE_KEYS });
      expect(result.problems).toContainEqual(
        expect.objectContaining({ path: '[1].id', message: '"dinas_pupr" is listed twice' }),
      );
      expect(result.problems).toContainEqual(
        expect.objectContaining({
          file: path.join(t.root, 'flows/izin_usaha.yaml'),
          path: 'agency_steps',
          message: "the agency steps take 3 working days, more than the service's 1",
        }),
      );
    } finally {
      await t.cleanup();
    }
  });
});
