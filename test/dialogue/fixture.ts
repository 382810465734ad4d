/**
 * A small catalog for the engine tests (flows and service texts under test/fixtures/engine,
 * the engine's real locales/*.engine.yaml), a fake kelurahan index, a scripted NLU, and a chat
 * driver that keeps the state between turns.
 */
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Catalog, KelurahanEntry, KelurahanIndex, Message } from '../../src/catalog/catalog.js';
import type { Flow } from '../../src/catalog/flow-schema.js';
import { flowSchema } from '../../src/catalog/flow-schema.js';
import { flattenLocale } from '../../src/catalog/flatten-locale.js';
import { createKelurahanIndex } from '../../src/catalog/kelurahan-search.js';
import { createEngine } from '../../src/dialogue/engine.js';
import type { Engine, StepResult } from '../../src/dialogue/engine.js';
import type {
  CitizenInput,
  ConversationState,
  Lang,
  SystemEvent,
  Understanding,
  UploadedFile,
} from '../../src/dialogue/types.js';

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'engine');

/** Wednesday 15 January 2025, 10:00 WIB. */
export const AT = '2025-01-15T03:00:00.000Z';
export const UPLOAD_MAX = 5_000_000;

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

function locale(lang: Lang): Record<string, Message> {
  const files = [
    join(PROJECT_ROOT, 'locales', `${lang}.engine.yaml`),
    join(FIXTURES, 'locales', `${lang}.services.yaml`),
  ];
  const merged: Record<string, Message> = {};
  for (const file of files) Object.assign(merged, flattenLocale(readYaml(file), file).messages);
  return merged;
}

export const KELURAHAN: KelurahanEntry[] = [
  {
    code: '31.74.09.1003',
    name: 'Tanjung Barat',
    district: 'Jagakarsa',
    districtCode: '31.74.09',
    city: 'Jakarta Selatan',
  },
  {
    code: '31.73.05.1001',
    name: 'Kebon Jeruk',
    district: 'Kebon Jeruk',
    districtCode: '31.73.05',
    city: 'Jakarta Barat',
  },
  {
    code: '31.71.07.1003',
    name: 'Kebon Kacang',
    district: 'Tanah Abang',
    districtCode: '31.71.07',
    city: 'Jakarta Pusat',
  },
  {
    code: '31.71.07.1004',
    name: 'Kebon Melati',
    district: 'Tanah Abang',
    districtCode: '31.71.07',
    city: 'Jakarta Pusat',
  },
  {
    code: '31.71.01.1001',
    name: 'Gambir',
    district: 'Gambir',
    districtCode: '31.71.01',
    city: 'Jakarta Pusat',
  },
  {
    code: '31.74.02.1001',
    name: 'Setia Budi',
    district: 'Setiabudi',
    districtCode: '31.74.02',
    city: 'Jakarta Selatan',
  },
  // Namesakes: only the kecamatan and kota tell them apart.
  {
    code: '32.01.01.1001',
    name: 'Sukamaju',
    district: 'Cibinong',
    districtCode: '32.01.01',
    city: 'Kabupaten Bogor',
  },
  {
    code: '32.76.01.1001',
    name: 'Sukamaju',
    district: 'Cilodong',
    districtCode: '32.76.01',
    city: 'Kota Depok',
  },
];

/** The real search over the fixture list, so the engine sees real strong and weak matches. */
export const fakeKelurahan: KelurahanIndex = createKelurahanIndex(KELURAHAN);

/** The fixture catalog: ktp (every step kind), sktm (`not:` condition, optional document), pbg (levy). */
export function fixtureCatalog(): Catalog {
  const flows = new Map<string, Flow>();
  for (const id of ['ktp', 'sktm', 'pbg']) {
    flows.set(id, flowSchema.parse(readYaml(join(FIXTURES, 'flows', `${id}.yaml`))));
  }
  return { flows, messages: { id: locale('id'), en: locale('en') }, kelurahan: fakeKelurahan };
}

/** An NLU reading, out_of_scope with no confidence unless told otherwise. */
export function reading(partial: Partial<Understanding> = {}): Understanding {
  return { intent: 'out_of_scope', confidence: 0, service: null, candidates: [], entities: {}, ...partial };
}

/** A scripted NLU: exact texts (lower-cased) to readings; anything else is out of scope. */
export function scriptedNlu(
  script: Record<string, Partial<Understanding>> = {},
): (text: string) => Understanding {
  return (text) => reading(script[text.trim().toLowerCase()]);
}

let fileSeq = 0;

/** An uploaded file as the use case hands it over. */
export function upload(partial: Partial<UploadedFile> = {}): UploadedFile {
  fileSeq += 1;
  return {
    documentId: `doc-${fileSeq}`,
    filename: 'foto.jpg',
    contentType: 'image/jpeg',
    size: 200_000,
    sha256: 'ab'.repeat(32),
    ...partial,
  };
}

/** A conversation: each call is one turn; `last` holds what the turn produced. */
export class Chat {
  readonly engine: Engine;
  state: ConversationState;
  last: StepResult = { state: undefined as unknown as ConversationState, replies: [], effects: [] };
  nlu: (text: string) => Understanding;
  at = AT;

  constructor(opts: { lang?: Lang; nlu?: Record<string, Partial<Understanding>>; catalog?: Catalog } = {}) {
    this.engine = createEngine(opts.catalog ?? fixtureCatalog(), { uploadMaxBytes: UPLOAD_MAX });
    this.state = this.engine.initialState(opts.lang);
    this.nlu = scriptedNlu(opts.nlu);
  }

  private turn(input: CitizenInput | SystemEvent): StepResult {
    this.last = this.engine.step(this.state, { ...input, at: this.at }, this.nlu);
    this.state = this.last.state;
    return this.last;
  }

  say(text: string): StepResult {
    return this.turn({ kind: 'text', text });
  }

  press(value: string): StepResult {
    return this.turn({ kind: 'choice', value });
  }

  command(command: Extract<CitizenInput, { kind: 'command' }>['command']): StepResult {
    return this.turn({ kind: 'command', command });
  }

  send(file: UploadedFile): StepResult {
    return this.turn({ kind: 'file', file });
  }

  event(ev: SystemEvent): StepResult {
    return this.turn(ev);
  }

  /** Every reply text of the last turn, joined. */
  get text(): string {
    return this.last.replies.map((r) => r.text).join('\n---\n');
  }

  /** The options of the last menu reply, if any. */
  get options(): string[] {
    const menus = this.last.replies.filter((r) => r.kind === 'menu');
    const menu = menus[menus.length - 1];
    return menu && menu.kind === 'menu' ? menu.options.map((o) => o.value) : [];
  }

  /** The step or phase the flow is at. */
  get at_(): string | undefined {
    const at = this.state.flow?.at;
    return at ? ('step' in at ? at.step : at.phase) : undefined;
  }

  effectsOf<K extends StepResult['effects'][number]['kind']>(
    kind: K,
  ): Array<Extract<StepResult['effects'][number], { kind: K }>> {
    return this.last.effects.filter(
      (e): e is Extract<StepResult['effects'][number], { kind: K }> => e.kind === kind,
    );
  }
}

/** A valid NIK: Jakarta Selatan (31.74.09), born 17-08-1990, serial 0001. */
export const NIK = '3174091708900001';

/** Walks a citizen into the ktp flow with consent given; leaves them at `jenis`. */
export function startKtp(chat: Chat): void {
  chat.command('start');
  chat.press('service:ktp');
  chat.press('apply:ktp');
  chat.press('consent:yes');
}
