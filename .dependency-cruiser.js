/**
 * Layer rules for src/, checked by `npm run lint` (scripts/check-layers.js runs dependency-cruiser).
 *
 * Imports point inward: src/domain <- src/catalog, src/nlu, src/dialogue <- src/app <- src/ports
 * <- src/adapters/* <- src/main.ts and the other entry points (src/chat.ts, src/worker.ts,
 * src/officer-create.ts, src/main/), which may import any layer. Libraries stay in their adapter
 * everywhere, entry points included. A rule that fails names the module and the import; the
 * comment on the rule says why the import is not allowed.
 *
 * ESM project ("type": "module"): this file is an ES module, so it exports the configuration as
 * its default export.
 */

/** Every folder of ours, i.e. anything under src/. */
const OURS = '^src/';

/**
 * Entry points: the programs (src/main.ts, src/chat.ts, src/worker.ts, src/officer-create.ts),
 * the composition modules under src/main/, and the command-line checks of a layer
 * (src/catalog/cli.ts, src/nlu/cli.ts). They wire the layers together, so they may import any
 * of them.
 */
const ENTRY_POINTS = '^src/([^/]+\\.tsx?|main/.+|[^/]+/cli\\.ts)$';

/** The layers inside the adapters: they get settings and a logger handed in, they do not read them. */
const INNER = '^src/(catalog|nlu|dialogue|app|ports)/';

/**
 * A library belongs to the one adapter that wraps it. The rest of the code reaches it through a
 * port, so changing or faking the library touches one folder. Type-only imports count as well
 * (`@types/<name>` is the same library).
 */
const libraryHomes = [
  { name: 'mongo', libs: ['mongoose', 'mongodb'], home: 'src/adapters/mongo/' },
  { name: 'express', libs: ['express'], home: 'src/adapters/http/' },
  { name: 'preact', libs: ['preact', 'preact-render-to-string'], home: 'src/adapters/http/' },
  { name: 'grammy', libs: ['grammy', '@grammyjs/[^/]+'], home: 'src/adapters/telegram/' },
  { name: 'baileys', libs: ['@whiskeysockets/baileys'], home: 'src/adapters/whatsapp/' },
];

const libraryRules = libraryHomes.map(({ name, libs, home }) => ({
  name: `${name}-only-in-its-adapter`,
  comment: `${libs.join(', ')} may be imported only under ${home}: everything else talks to it through a port.`,
  severity: 'error',
  from: { pathNot: `^${home}` },
  to: { path: `(^|/)node_modules/(@types/)?(${libs.join('|')})/` },
}));

export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds the rules every other layer builds on; it imports nothing of ours outside ' +
        'src/domain, so it can be read and tested on its own.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: OURS, pathNot: '^src/domain/' },
    },
    {
      name: 'core-does-not-reach-out',
      comment:
        'src/dialogue, src/nlu and src/catalog are pure logic: they must not know about use cases ' +
        '(src/app), outside systems (src/adapters) or how the program is wired (src/main*).',
      severity: 'error',
      from: { path: '^src/(dialogue|nlu|catalog)/', pathNot: ENTRY_POINTS },
      to: { path: '^src/(app|adapters)/' },
    },
    {
      name: 'catalog-and-nlu-do-not-import-dialogue',
      comment:
        'The dialogue runs the flows of src/catalog on the readings of src/nlu, so it imports them; ' +
        'the other way round would be a cycle between the folders. What both sides need (Lang, ' +
        'Understanding) lives in src/domain.',
      severity: 'error',
      from: { path: '^src/(catalog|nlu)/', pathNot: ENTRY_POINTS },
      to: { path: '^src/dialogue/' },
    },
    {
      name: 'entry-points-are-not-imported',
      comment:
        'src/main.ts and the other entry points (src/main/, src/chat.ts, src/worker.ts, ' +
        'src/officer-create.ts, src/*/cli.ts) start programs and wire the layers; only entry points ' +
        'build on them (src/chat.ts reuses the wiring of src/main.ts), or the wiring would leak into ' +
        'the code it wires.',
      severity: 'error',
      from: { path: OURS, pathNot: ENTRY_POINTS },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'settings-are-read-at-the-edges',
      comment:
        'Only entry points and adapters read the configuration (environment, env file, secrets); ' +
        'inner layers get the values as parameters, so tests pass them in. From src/config they may ' +
        'use only the Logger type and PROJECT_ROOT (where flows/, locales/ and intents/ are).',
      severity: 'error',
      from: { path: INNER, pathNot: ENTRY_POINTS },
      to: { path: '^src/config/', pathNot: '^src/config/(logger|project-root)\\.ts$' },
    },
    {
      name: 'logger-is-injected',
      comment:
        'Inner layers log through the logger they are given (type-only import of Logger); ' +
        'creating one (createLogger) is for entry points, which choose the level and destination.',
      severity: 'error',
      from: { path: INNER, pathNot: ENTRY_POINTS },
      to: { path: '^src/config/logger\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-does-not-import-adapters',
      comment:
        'Use cases (src/app) talk to databases and channels only through src/ports, so any adapter ' +
        '(or a test fake) can stand behind them.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/adapters/' },
    },
    {
      name: 'ports-are-interfaces-only',
      comment:
        'src/ports declares what the application needs from the outside; it must not depend on an ' +
        'implementation (src/adapters) nor on the use cases that consume it (src/app).',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: '^src/(adapters|app)/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      comment:
        'Each adapter wraps one outside thing (http, mongo, telegram, whatsapp, terminal). Two ' +
        'adapters meet only in src/main.ts, which wires them through ports; move shared code inward.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'no-cycles',
      comment:
        'A cycle means neither module can be understood, tested or moved without the other; ' +
        'move what both need into a third module (often in src/domain).',
      severity: 'error',
      from: { path: OURS },
      to: { circular: true },
    },
    ...libraryRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports (`import type`) are dependencies too: a layer that needs another
    // layer's types depends on it just as much.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    exclude: { path: '^src/adapters/http/assets/' },
  },
};
