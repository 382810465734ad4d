/**
 * Replays a failed fast-check run in any test file: `FC_SEED=<seed> FC_PATH=<path> npm test -- <file>`
 * with the seed and path the failure printed (jest `setupFiles`, so it applies to every property).
 */
import fc from 'fast-check';

if (process.env.FC_SEED) {
  fc.configureGlobal({
    ...fc.readConfigureGlobal(),
    seed: Number(process.env.FC_SEED),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  });
}
