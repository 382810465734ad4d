import { describe, expect, it } from '@jest/globals';
import { checkCatalog } from '../../src/catalog/check.js';
import type { CatalogProblem } from '../../src/catalog/problem.js';
import { demoFiles, demoFlow, tempCatalog } from './support/temp-catalog.js';
import type { TempCatalog } from './support/temp-catalog.js';

type Step = Record<string, unknown>;

/** Writes the demo catalog, lets the test break it, and returns what the check says. */
async function problemsAfter(
  breakIt: (t: TempCatalog) => Promise<void>,
  requiredKeys?: string[],
): Promise<CatalogProblem[]> {
  const t = await tempCatalog(demoFiles());
  try {
    await breakIt(t);
    return (await checkCatalog({ root: t.root, ...(requiredKeys ? { requiredKeys } : {}) })).problems;
  } finally {
    await t.cleanup();
  }
}

/** The demo flow with its steps replaced by `edit(steps)`. */
function flowWith(edit: (steps: Step[]) => void, top: Record<string, unknown> = {}): Record<string, unknown> {
  const flow = { ...demoFlow(), ...top };
  const steps = structuredClone(flow['steps']) as Step[];
  edit(steps);
  return { ...flow, steps };
}

const setStep = (id: string, patch: Step) => (steps: Step[]) => {
  const s = steps.find((x) => x['id'] === id);
  if (!s) throw new Error(`no step ${id}`);
  Object.assign(s, patch);
};

describe('checkCatalog', () => {
  it('should find no problem in a complete catalog', async () => {
    const t = await tempCatalog(demoFiles());
    try {
      const result = await checkCatalog({ root: t.root });
      expect(result.problems).toEqual([]);
      expect([...result.flows.keys()]).toEqual(['demo']);
      expect(result.messages.id['demo.name']).toBe('Layanan Contoh');
      expect(result.messages.en['steps.nama.ask']).toBe('Name?');
    } finally {
      await t.cleanup();
    }
  });

  describe('YAML and schema', () => {
    it('should report a YAML syntax error with its line', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', 'id: demo\nsteps: [\n  - id: x\n'),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'flows/demo.yaml',
          path: expect.stringMatching(/^line \d+, column \d+$/),
          message: expect.stringContaining('YAML syntax error'),
        }),
      );
    });

    it('should report a repeated key as a YAML error', async () => {
      const problems = await problemsAfter((t) =>
        t.write('locales/id.steps.yaml', 'steps:\n  nik:\n    ask: NIK?\n    ask: NIK lagi?\n'),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'locales/id.steps.yaml',
          path: 'line 4, column 5',
          fix: 'keep only one of the repeated keys',
        }),
      );
    });

    it('should name the step and field of a schema error', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith(setStep('berkas', { kind: 'dokumen', max_files: 0 }), { colour: 'red' }),
        ),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'flows/demo.yaml',
          path: 'steps[6] (berkas).kind',
          fix: expect.stringContaining('document'),
        }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: '',
          message: expect.stringContaining('colour'),
          fix: expect.stringContaining('remove "colour"'),
        }),
      );
    });

    it('should explain a malformed condition at the listed step', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', flowWith(setStep('catatan', { when: { jenis: 'b' } }))),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[5] (catatan).when.jenis',
          message: expect.stringContaining('expected array'),
        }),
      ]);
    });
  });

  describe('flows', () => {
    it('should report a flow id that differs from its file name', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.remove('flows/demo.yaml');
        await t.write('flows/contoh.yaml', demoFlow());
        await t.write('intents/services/contoh.yaml', { examples: ['contoh'] });
      });
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'flows/contoh.yaml',
          path: 'id',
          fix: 'rename the file to demo.yaml or set id: contoh',
        }),
      );
    });

    it('should report a duplicate step id', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith((s) => s.push({ id: 'nama', kind: 'text' })),
        ),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: 'steps[7] (nama)',
          message: 'step id "nama" is used twice (also steps[1])',
        }),
      );
    });

    it('should report a condition on an unknown step', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', flowWith(setStep('catatan', { when: { jenis_x: ['b'] } }))),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[5] (catatan).when.jenis_x',
          message: expect.stringContaining('does not have'),
          fix: expect.stringContaining('"jenis", "nama"'),
        }),
      ]);
    });

    it('should report a condition on a later step', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', flowWith(setStep('catatan', { when: { berkas: ['x'] } }))),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[5] (catatan).when.berkas',
          message: expect.stringContaining('comes after this step'),
        }),
      ]);
    });

    it('should report a condition value that is not an option as an unreachable step', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', flowWith(setStep('catatan', { when: { jenis: ['c'] } }))),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[5] (catatan).when.jenis',
          message: '"c" is not an option of step "jenis", so this step is unreachable',
          fix: 'use one of its options: "a", "b"',
        }),
      ]);
    });

    it('should report a yes/no condition written as text', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith((s) => {
            s.splice(1, 0, { id: 'setuju', kind: 'yes_no' });
            s.push({ id: 'alasan', kind: 'text', when: { setuju: ['ya'] } });
          }),
        ),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: 'steps[8] (alasan).when.setuju',
          fix: 'use true or false (without quotes)',
        }),
      );
    });

    it('should report a condition that can never be true', async () => {
      // `lanjut` is only asked for jenis a, so `detail` (needing jenis b and lanjut) never is.
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith((s) => {
            s.push({ id: 'lanjut', kind: 'yes_no', when: { jenis: ['a'] } });
            s.push({ id: 'detail', kind: 'text', when: { jenis: ['b'], lanjut: [true] } });
          }),
        ),
      );
      expect(problems.filter((p) => !p.message.startsWith('missing message'))).toEqual([
        expect.objectContaining({
          path: 'steps[8] (detail).when',
          message:
            'the condition of step "detail" can never be true with the answers the earlier steps allow',
        }),
      ]);
    });

    it('should report an applicant field pointing at a missing step or a step of the wrong kind', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith(() => undefined, { applicant: { nik: 'nik_x', office: 'nama' } }),
        ),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: 'applicant.nik',
          fix: expect.stringContaining('add a step with id: nik_x and kind: nik'),
        }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: 'applicant.office',
          message: expect.stringContaining('a text step; it must be a kelurahan step'),
        }),
      );
    });

    it('should report an applicant step that may be skipped', async () => {
      const problems = await problemsAfter((t) =>
        t.write('flows/demo.yaml', flowWith(setStep('nik', { when: { jenis: ['a'] } }))),
      );
      expect(problems).toEqual([
        expect.objectContaining({ path: 'applicant.nik', fix: 'remove when:/optional: from step "nik"' }),
      ]);
    });

    it('should report a rejection rule that does not fit its step and a broken pattern', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith(
            setStep('catatan', {
              rejections: [
                { if: { age_under: 17 }, message: 'steps.rejections.pendek' },
                { if: { not_matching: '([0-9]' }, message: 'steps.rejections.pendek' },
              ],
            }),
          ),
        ),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[5] (catatan).rejections[0].if',
          message: 'the rule "age_under" does not apply to a text step',
        }),
        expect.objectContaining({ path: 'steps[5] (catatan).rejections[1].if.not_matching' }),
      ]);
    });

    it('should put services listed in _order.yaml first and report unknown ids there', async () => {
      const t = await tempCatalog(demoFiles());
      try {
        await t.write('flows/alpha.yaml', { ...demoFlow(), id: 'alpha' });
        await t.write('intents/services/alpha.yaml', { examples: ['alpha'] });
        const en = (await t.read('locales/en.services.yaml')).replace(/^demo:/m, 'alpha:');
        const id = (await t.read('locales/id.services.yaml')).replace(/^demo:/m, 'alpha:');
        await t.append('locales/en.services.yaml', en);
        await t.append('locales/id.services.yaml', id);
        expect([...(await checkCatalog({ root: t.root })).flows.keys()]).toEqual(['alpha', 'demo']);
        await t.write('flows/_order.yaml', ['demo', 'ghost']);
        const result = await checkCatalog({ root: t.root });
        expect([...result.flows.keys()]).toEqual(['demo', 'alpha']);
        expect(result.problems).toEqual([
          expect.objectContaining({
            file: 'flows/_order.yaml',
            path: '[1]',
            message: 'there is no flow "ghost"',
          }),
        ]);
      } finally {
        await t.cleanup();
      }
    });
  });

  describe('messages', () => {
    it('should report a missing rejection message', async () => {
      const problems = await problemsAfter((t) =>
        t.write(
          'flows/demo.yaml',
          flowWith(
            setStep('catatan', {
              rejections: [{ if: { longer_than: 50 }, message: 'demo.catatan.panjang' }],
            }),
          ),
        ),
      );
      expect(problems).toEqual(
        ['id', 'en'].map((lang) =>
          expect.objectContaining({
            file: 'flows/demo.yaml',
            path: 'steps[5] (catatan).rejections[0].message',
            fix: `add demo.catatan.panjang to locales/${lang}.services.yaml`,
          }),
        ),
      );
    });

    it('should report a key missing in one language, naming the file to add it to', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.write(
          'locales/en.services.yaml',
          (await t.read('locales/en.services.yaml')).replace(/ {4}help:.*\n/, ''),
        );
      });
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'flows/demo.yaml',
          path: 'steps[6] (berkas)',
          message: 'missing message "demo.berkas.help" or "steps.berkas.help" in English (en)',
          fix: 'add demo.berkas.help to locales/en.services.yaml (or steps.berkas.help to share it between services)',
        }),
      ]);
    });

    it('should accept the shared steps.<step>.ask for a common step and ask for a specific one otherwise', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.write(
          'locales/id.steps.yaml',
          (await t.read('locales/id.steps.yaml')).replace(/ {2}nik:\n {4}ask: NIK\?\n/, ''),
        );
      });
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps[2] (nik)',
          message: 'missing message "demo.nik.ask" or "steps.nik.ask" in Bahasa Indonesia (id)',
        }),
      ]);
      const fixed = await problemsAfter(async (t) => {
        await t.write(
          'locales/id.steps.yaml',
          (await t.read('locales/id.steps.yaml')).replace(/ {2}nik:\n {4}ask: NIK\?\n/, ''),
        );
        await t.append('locales/id.services.yaml', '  nik:\n    ask: NIK Anda?\n');
        await t.append('locales/en.services.yaml', '  nik:\n    ask: Your NIK?\n');
      });
      // The specific key satisfies id; en still has the shared key too, so only the key sets differ.
      expect(fixed).toEqual([
        expect.objectContaining({
          file: 'locales/en.steps.yaml',
          path: 'steps.nik.ask',
          message: 'this message exists in en but not in id',
          fix: 'add steps.nik.ask to locales/id.steps.yaml',
        }),
      ]);
    });

    it('should report keys that only one language has', async () => {
      const problems = await problemsAfter((t) =>
        t.write('locales/id.extra.yaml', { salam: { pagi: 'Selamat pagi' } }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'locales/id.extra.yaml',
          path: 'salam.pagi',
          message: 'this message exists in id but not in en',
          fix: 'add salam.pagi to locales/en.extra.yaml',
        }),
      ]);
    });

    it('should report a placeholder present in one language only', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.write(
          'locales/en.steps.yaml',
          (await t.read('locales/en.steps.yaml')).replace('{name}', '{nama}'),
        );
      });
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'steps.rejections.pendek',
          message: expect.stringMatching(/\{name\} only in id; \{nama\} only in en/),
        }),
      ]);
    });

    it('should report a misspelt key under a service', async () => {
      const problems = await problemsAfter(async (t) => {
        for (const lang of ['id', 'en']) {
          const file = `locales/${lang}.services.yaml`;
          await t.write(file, (await t.read(file)).replace('      b: B', '      bb: B'));
        }
      });
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'locales/id.services.yaml',
          path: 'demo.jenis.options.bb',
          fix: expect.stringContaining('flows/demo.yaml'),
        }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          path: 'steps[0] (jenis).options',
          message: expect.stringContaining('demo.jenis.options.b'),
        }),
      );
    });

    it('should report requirements that are not a list and leaves that are not text', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.write(
          'locales/en.services.yaml',
          (await t.read('locales/en.services.yaml')).replace(
            /requirements:\n\s+- ID card/,
            'requirements: ID card',
          ),
        );
        await t.write('locales/id.more.yaml', { angka: 5 });
      });
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'locales/en.services.yaml',
          path: 'demo.requirements',
          message: 'expected a list of lines',
        }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: 'locales/id.more.yaml',
          path: 'angka',
          message: 'expected text or a list of text, found number',
        }),
      );
    });

    it('should report the same key in two files and a badly named locale file', async () => {
      const problems = await problemsAfter(async (t) => {
        await t.write('locales/id.again.yaml', { demo: { name: 'Lagi' } });
        await t.write('locales/indonesia.yaml', { a: 'b' });
      });
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'locales/id.services.yaml',
          path: 'demo.name',
          message: 'this key is also in locales/id.again.yaml',
        }),
        expect.objectContaining({
          file: 'locales/indonesia.yaml',
          message: expect.stringContaining('<lang>.<area>.yaml'),
        }),
      ]);
    });

    it('should report engine keys missing from the locales', async () => {
      const problems = await problemsAfter(() => Promise.resolve(), ['engine.greeting', 'steps.nik.ask']);
      expect(problems).toEqual(
        ['id', 'en'].map((lang) =>
          expect.objectContaining({
            path: 'engine.greeting',
            fix: `add engine.greeting to locales/${lang}.engine.yaml`,
          }),
        ),
      );
    });
  });

  describe('intents', () => {
    it('should report a service without training phrases', async () => {
      const problems = await problemsAfter((t) => t.remove('intents'));
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'intents/services/demo.yaml',
          message: expect.stringContaining('no training phrases'),
        }),
      ]);
    });

    it('should report an empty examples list', async () => {
      const problems = await problemsAfter((t) =>
        t.write('intents/services/demo.yaml', { keywords: ['x'], examples: [] }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'examples',
          message: 'a service needs at least one training phrase',
        }),
      ]);
    });

    it('should report training phrases for a service that has no flow', async () => {
      const problems = await problemsAfter((t) =>
        t.write('intents/services/ghost.yaml', { examples: ['boo'] }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          file: 'intents/services/ghost.yaml',
          message: expect.stringContaining('no flows/ghost.yaml'),
        }),
      ]);
    });
  });

  it('should report a missing folder and an empty catalog', async () => {
    const empty = await problemsAfter(async (t) => {
      await t.remove('flows');
      await t.write('flows/README.md', 'nothing here');
      await t.remove('intents');
    });
    expect(empty).toContainEqual(
      expect.objectContaining({ file: 'flows', message: 'there are no services' }),
    );
    const missing = await checkCatalog({ root: '/nonexistent-loket' });
    expect(missing.problems).toContainEqual(
      expect.objectContaining({
        file: 'flows',
        message: 'folder not found',
        fix: 'create the folder flows (or pass the right folder)',
      }),
    );
  });
});
