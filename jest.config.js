import os from 'node:os';

/** Jest in native ESM (node --experimental-vm-modules), TypeScript compiled by swc. */
export default {
  // Always in worker processes, never in band (which a 2-core machine would otherwise choose):
  // a test file's modules stay reachable under vm modules, and each whole-server test loads the
  // national village list, so a worker that has grown past the limit is replaced between files.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  workerIdleMemoryLimit: '1GB',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
    // Console views: JSX rendered to a string by Preact, which escapes every value.
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', importSource: 'preact' } },
          target: 'es2022',
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  // Sources import './x.js' (NodeNext); map to the .ts file under test.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  setupFiles: ['<rootDir>/test/support/fast-check-replay.ts'],
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/db-reporter.js'],
  testTimeout: 30000,
};
