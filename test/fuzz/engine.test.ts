/**
 * Bad input for the dialogue engine, property-based (fast-check): from states reached by random
 * walks over all nine services, arbitrary text, choices, commands and files never make the engine
 * throw, every turn answers in the conversation's language, and the state it leaves is plain JSON
 * whose step exists in its flow. A failure prints fast-check's seed and the shrunk counterexample.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import path from 'node:path';
import fc from 'fast-check';
import { loadAreas } from '../../src/catalog/areas.js';
import type { Catalog, Message } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { createEngine, type Engine } from '../../src/dialogue/engine.js';
import { ENGINE_MESSAGE_KEYS } from '../../src/dialogue/message-keys.js';
import type {
  ConversationState,
  Effect,
  Input,
  Lang,
  Reply,
  UploadedFile,
} from '../../src/dialogue/types.js';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import { createNlu, type Nlu } from '../../src/nlu/nlu.js';

const AT = '2026-11-23T03:00:00.000Z';
const NUM_RUNS = 200;

let catalog: Catalog;
let engine: Engine;
let nlu: Nlu;
/** Messages only the English locale has (no placeholders, long enough to be unambiguous). */
let englishOnly: string[];
let indonesianOnly: string[];

const flat = (m: Message): string[] => (Array.isArray(m) ? m : [m]);

/** Texts of one locale that the other never says: a reply (or a line of it) equal to one is in that language. */
function onlyIn(lang: Lang, other: Lang): string[] {
  const others = new Set(Object.values(catalog.messages[other]).flatMap(flat));
  return [
    ...new Set(
      Object.values(catalog.messages[lang])
        .flatMap(flat)
        .filter((s) => !s.includes('{') && s.length >= 25 && !others.has(s)),
    ),
  ];
}

beforeAll(async () => {
  const areas = await loadAreas();
  catalog = await loadCatalog({
    root: PROJECT_ROOT,
    kelurahan: areas.kelurahan,
    requiredKeys: ENGINE_MESSAGE_KEYS,
  });
  engine = createEngine(catalog, { uploadMaxBytes: 5 * 1024 * 1024 });
  nlu = createNlu({ intents: await loadIntentData(path.join(PROJECT_ROOT, 'intents')) });
  englishOnly = onlyIn('en', 'id');
  indonesianOnly = onlyIn('id', 'en');
}, 60_000);

/** Valid-looking answers, so random walks get deep into flows. */
const plausibleText = fc.constantFrom(
  'halo',
  'mau bikin ktp baru',
  'ktp sy ilang',
  'gmn bikin sktm',
  'izin usaha',
  'akta kelahiran',
  'surat pindah',
  'domisili',
  'kk',
  'pbg',
  'ya',
  'setuju',
  'tidak',
  'kirim',
  'selesai',
  'Siti Rahmawati',
  '3171015505920003',
  '081298765432',
  'kebon kelapa',
  '3171010101900002',
  '12-05-1990',
  '1.500.000',
  '5',
  '1',
  '2',
  'batal',
  'menu',
  'petugas',
  'english',
  'cek status',
);

/** The nastiest text we can think of, and anything else fast-check invents. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[31mmerah',
    '😀🙏🏽👨‍👩‍👧',
    'مرحبا بالعالم',
    '\u202eKTP\u202c',
    '{"$gt": ""}',
    '{"$where": "sleep(1000)"}',
    '$gt',
    '__proto__',
    'constructor',
    'toString',
    '12 constructor 1990',
    'hasOwnProperty',
    '<script>alert(1)</script>',
    "'; DROP TABLE users; --",
    '9'.repeat(400),
    'x'.repeat(10_000),
  ),
);

const file: fc.Arbitrary<UploadedFile> = fc.record({
  documentId: fc.oneof(
    fc.constant(''),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 }),
    fc.string(),
  ),
  filename: fc.oneof(fc.constantFrom('ktp.jpg', 'C:\\x\\a.pdf', '', '../../etc/passwd'), fc.string()),
  contentType: fc.oneof(
    fc.constantFrom(
      'image/jpeg',
      'image/png',
      'application/pdf',
      'application/octet-stream',
      'application/x-msdownload',
    ),
    fc.string(),
  ),
  size: fc.oneof(fc.nat(), fc.constantFrom(0, -1, 5 * 1024 * 1024 + 1, Number.MAX_SAFE_INTEGER)),
  sha256: fc.string(),
});

type ChannelCommand = Extract<Input, { kind: 'command' }>['command'];
const command = fc.constantFrom<ChannelCommand>(
  'start',
  'menu',
  'status',
  'officer',
  'cancel',
  'language',
  'help',
);

/** A citizen input; choices mostly pick from the menu shown (resolved against the state). */
type Move =
  | { kind: 'text'; text: string }
  | { kind: 'pick'; index: number }
  | { kind: 'choice'; value: string }
  | { kind: 'file'; file: UploadedFile }
  | { kind: 'command'; command: Extract<Input, { kind: 'command' }>['command'] };

const walkMove: fc.Arbitrary<Move> = fc.oneof(
  { weight: 6, arbitrary: plausibleText.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 4, arbitrary: fc.nat(20).map((index) => ({ kind: 'pick' as const, index })) },
  {
    weight: 2,
    arbitrary: fc.constant<Move>({
      kind: 'file',
      file: {
        documentId: 'a'.repeat(24),
        filename: 'ktp.jpg',
        contentType: 'image/jpeg',
        size: 1000,
        sha256: 'ab',
      },
    }),
  },
  { weight: 1, arbitrary: nastyText.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: command.map((c) => ({ kind: 'command' as const, command: c })) },
);

const attackMove: fc.Arbitrary<Move> = fc.oneof(
  nastyText.map((text) => ({ kind: 'text' as const, text })),
  fc.oneof(fc.string(), fc.constantFrom('', '$gt', '__proto__', 'svc:ktp', '999')).map((value) => ({
    kind: 'choice' as const,
    value,
  })),
  fc.nat(30).map((index) => ({ kind: 'pick' as const, index })),
  file.map((f) => ({ kind: 'file' as const, file: f })),
  command.map((c) => ({ kind: 'command' as const, command: c })),
);

function toInput(state: ConversationState, move: Move): Input {
  if (move.kind === 'pick') {
    const options = state.menu?.options ?? [];
    const option = options[move.index % Math.max(1, options.length)];
    return option ? { kind: 'choice', value: option.value, at: AT } : { kind: 'text', text: '1', at: AT };
  }
  return { ...move, at: AT };
}

function replyTexts(replies: Reply[]): string[] {
  return replies.flatMap((r) => [r.text, ...(r.kind === 'menu' ? r.options.map((o) => o.label) : [])]);
}

/** What the effect runner would feed back (src/app/run-effects.ts), so a turn is whole. */
function feedback(effect: Effect): Input | undefined {
  switch (effect.kind) {
    case 'submit_application':
      return { kind: 'submitted', trackingNumber: 'PTSP-2611-ABCDE', dueAt: AT, at: AT };
    case 'lookup_status':
      return { kind: 'status_not_found', at: AT };
    case 'open_handoff':
      return { kind: 'handoff_opened', position: 1, officeOpenNow: true, at: AT };
    default:
      return undefined;
  }
}

/** The engine's contract for one turn (with the effects' results fed back); throws with the reason. */
function checkTurn(before: ConversationState, input: Input): ConversationState {
  let out = engine.step(before, input, (t) => nlu.understand(t));
  const replies = [...out.replies];
  // With an officer on the line, the citizen's message goes to the officer; the bot stays quiet.
  const relayed = out.effects.some((e) => e.kind === 'relay_to_officer');
  for (const effect of out.effects) {
    const event = feedback(effect);
    if (!event) continue;
    out = engine.step(out.state, event, (t) => nlu.understand(t));
    replies.push(...out.replies);
  }
  if (!relayed) expect(replies.length).toBeGreaterThan(0);
  for (const r of replies) expect(r.text.trim().length).toBeGreaterThan(0);
  const lang = out.state.lang;
  expect(['id', 'en']).toContain(lang);
  // A turn that switched language may speak the old one first: judge only turns that kept it.
  if (lang === before.lang) {
    const wrong = lang === 'id' ? englishOnly : indonesianOnly;
    const said = new Set(replyTexts(replies).flatMap((t) => [t, ...t.split('\n').map((l) => l.trim())]));
    const leaked = wrong.filter((s) => said.has(s.trim()));
    expect(leaked).toEqual([]);
  }
  const roundTrip = JSON.parse(JSON.stringify(out.state)) as ConversationState;
  expect(roundTrip).toEqual(out.state);
  const at = out.state.flow?.at;
  if (out.state.flow && at && 'step' in at) {
    const flow = catalog.flows.get(out.state.flow.draft.serviceId);
    expect(flow).toBeDefined();
    expect(flow?.steps.some((s) => s.id === at.step)).toBe(true);
  }
  return out.state;
}

describe('dialogue engine under arbitrary input (fast-check)', () => {
  it('should never throw, always answer in the conversation language and leave a valid state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Lang>('id', 'en'),
        fc.array(walkMove, { maxLength: 25 }),
        fc.array(attackMove, { minLength: 1, maxLength: 4 }),
        (lang, walk, attack) => {
          let state = engine.initialState(lang);
          for (const move of walk) {
            const input = toInput(state, move);
            const frozen = JSON.stringify(state);
            state = checkTurn(state, input);
            expect(JSON.stringify(JSON.parse(frozen))).toBe(frozen);
          }
          for (const move of attack) state = checkTurn(state, toInput(state, move));
        },
      ),
      { numRuns: NUM_RUNS, verbose: 1 },
    );
  }, 120_000);

  it('should understand any text without throwing (the engine would hide an NLU failure)', () => {
    fc.assert(
      fc.property(nastyText, (text) => {
        const u = nlu.understand(text);
        expect(typeof u.intent).toBe('string');
      }),
      { numRuns: NUM_RUNS },
    );
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', '12 constructor 1990'])
      expect(() => nlu.understand(word)).not.toThrow();
  });

  it('should reach deep into flows in its walks (the property is not vacuous)', () => {
    let deepest = 0;
    fc.assert(
      fc.property(fc.array(walkMove, { minLength: 20, maxLength: 40 }), (walk) => {
        let state = engine.initialState('id');
        for (const move of walk) {
          state = engine.step(state, toInput(state, move), (t) => nlu.understand(t)).state;
          const at = state.flow?.at;
          if (state.flow && at && 'step' in at) {
            const flow = catalog.flows.get(state.flow.draft.serviceId);
            deepest = Math.max(deepest, flow?.steps.findIndex((s) => s.id === at.step) ?? 0);
          }
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(deepest).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
