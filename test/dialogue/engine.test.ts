import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createEngine } from '../../src/dialogue/engine.js';
import type { ConversationState, Input } from '../../src/dialogue/types.js';
import { AT, Chat, fixtureCatalog, NIK, reading, startKtp, upload, UPLOAD_MAX } from './fixture.js';

describe('createEngine', () => {
  describe('.initialState', () => {
    it('should start in Bahasa Indonesia with no consent, in bot mode', () => {
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      expect(engine.initialState()).toEqual({ lang: 'id', consent: null, mode: 'bot', misunderstood: 0 });
      expect(engine.initialState('en').lang).toBe('en');
    });
  });

  describe('.step', () => {
    it('should walk a whole application from the menu to the tracking number', () => {
      const chat = new Chat();
      startKtp(chat);
      expect(chat.effectsOf('record_consent')).toEqual([{ kind: 'record_consent', given: true }]);
      chat.say('hilang');
      chat.say('Budi Santoso');
      chat.say(NIK);
      chat.say('17-08-1990');
      chat.say('0812-3456-7890');
      chat.say('tanjung barat');
      expect(chat.at_).toBe('surat_kehilangan');
      chat.send(upload({ contentType: 'application/pdf' }));
      chat.say('tidak');
      chat.say('lewati');
      expect(chat.at_).toBe('summary');
      chat.press('confirm');
      const [submit] = chat.effectsOf('submit_application');
      expect(submit?.lang).toBe('id');
      expect(submit?.draft.answers).toEqual({
        jenis: 'hilang',
        nama: 'Budi Santoso',
        nik: NIK,
        tanggal_lahir: '1990-08-17',
        telepon: '+6281234567890',
        kelurahan: '31.74.09.1003',
        sudah_menikah: false,
        catatan: null,
      });
      expect(submit?.draft.documents['surat_kehilangan']).toHaveLength(1);

      chat.event({ kind: 'submitted', trackingNumber: 'PTSP-2501-7KQ3M', dueAt: '2025-02-04T02:00:00.000Z' });
      expect(chat.text).toContain('PTSP-2501-7KQ3M');
      expect(chat.text).toContain('4 Februari 2025');
      expect(chat.text).toContain('Perekaman biometrik');
      expect(chat.text).toContain('dokumen asli');
      expect(chat.state.flow).toBeUndefined();
    });

    it('should never mutate the state it is given', () => {
      const chat = new Chat();
      startKtp(chat);
      chat.say('rusak');
      const before = structuredClone(chat.state);
      const frozen = deepFreeze(structuredClone(chat.state));
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      const result = engine.step(frozen, { kind: 'text', text: 'Siti Aminah', at: AT }, () => reading());
      expect(frozen).toEqual(before);
      expect(result.state.flow?.draft.answers['nama']).toBe('Siti Aminah');
      expect(result.replies.map((r) => r.text).join()).not.toContain('kesalahan');
    });

    it('should reset to the menu in the citizen language when the stored state is broken', () => {
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      const broken = {
        lang: 'en',
        consent: true,
        mode: 'bot',
        misunderstood: 0,
        flow: { draft: null },
      } as unknown as ConversationState;
      const result = engine.step(broken, { kind: 'text', text: 'hello', at: AT }, () => reading());
      expect(result.replies.at(-1)?.kind).toBe('menu');
      expect(result.replies.map((r) => r.text).join()).toContain('something went wrong');
      expect(result.state).toMatchObject({ lang: 'en', consent: true, mode: 'bot', misunderstood: 0 });
      expect(result.state.flow).toBeUndefined();
    });

    it('should show the menu when the stored flow names a service the catalog no longer has', () => {
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      const old: ConversationState = {
        ...engine.initialState(),
        consent: true,
        flow: { draft: { serviceId: 'gone', answers: {}, documents: {} }, at: { step: 'x' } },
      };
      const result = engine.step(old, { kind: 'command', command: 'help', at: AT }, () => reading());
      expect(result.state.flow).toBeUndefined();
      expect(result.replies.at(-1)).toMatchObject({ kind: 'menu' });
    });

    it('should treat a failing NLU as not understood', () => {
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      const result = engine.step(engine.initialState(), { kind: 'text', text: 'blabla', at: AT }, () => {
        throw new Error('model not loaded');
      });
      expect(result.state.misunderstood).toBe(1);
      expect(result.replies.map((r) => r.text).join()).toContain('belum mengerti');
    });

    it('should answer every input without hitting its own error path, from any state', () => {
      const engine = createEngine(fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
      const starts = startingStates();
      const words = fc.constantFrom(
        'ya',
        'tidak',
        '1',
        '2',
        '99',
        'batal',
        'menu',
        'lewati',
        'selesai',
        'english',
        NIK,
        '17 agustus 1990',
        'kebon',
        '',
      );
      const input: fc.Arbitrary<Input> = fc.oneof(
        fc.record({
          kind: fc.constant('text' as const),
          text: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), words),
          at: fc.constant(AT),
        }),
        fc.record({
          kind: fc.constant('choice' as const),
          value: fc.oneof(
            fc.string(),
            fc.constantFrom('confirm', 'edit:nama', 'kel:x', 'consent:yes', 'apply:ktp', 'baru'),
          ),
          at: fc.constant(AT),
        }),
        fc.record({ kind: fc.constant('file' as const), file: fc.constant(upload()), at: fc.string() }),
        fc.constantFrom<Input>(
          { kind: 'submitted', trackingNumber: 'PTSP-2501-7KQ3M', dueAt: 'not a date', at: AT },
          { kind: 'submit_failed', at: AT },
          { kind: 'status_found', applications: [], at: AT },
          { kind: 'handoff_opened', position: 2, officeOpenNow: false, nextOpening: 'x', at: AT },
          { kind: 'handoff_closed', byOfficer: true, at: AT },
          {
            kind: 'revision_requested',
            trackingNumber: 'T',
            serviceId: 'ktp',
            stepId: 'nik',
            note: 'salah',
            at: AT,
          },
        ),
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...starts),
          fc.array(input, { maxLength: 6 }),
          fc.double(),
          (start, inputs, confidence) => {
            let state = start;
            for (const i of inputs) {
              const result = engine.step(state, i, () => reading({ intent: 'complaint', confidence }));
              expect(['id', 'en']).toContain(result.state.lang);
              const said = result.replies.map((r) => r.text).join('\n');
              expect(said).not.toMatch(/terjadi kesalahan di sistem|something went wrong/);
              expect(result.replies.length + result.effects.length).toBeGreaterThan(0);
              state = result.state;
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

function startingStates(): ConversationState[] {
  const fresh = new Chat();
  const inFlow = new Chat();
  startKtp(inFlow);
  const atSummary = new Chat();
  startKtp(atSummary);
  for (const text of ['baru', 'Budi', NIK, '1/1/1990', '081234567890', 'gambir', 'ya', 'lewati'])
    atSummary.say(text);
  const handoff = new Chat();
  handoff.say('petugas');
  return [fresh.state, inFlow.state, atSummary.state, handoff.state];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
