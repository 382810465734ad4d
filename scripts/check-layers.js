/**
 * Checks the layer rules in .dependency-cruiser.js against src/ (part of `npm run lint`).
 *
 * Why not the `depcruise` command: dependency-cruiser's command line refuses to start on Node 20,
 * which this project still supports; its programmatic API does not care. So this script does what
 * the command line would do: read the configuration, cruise src/, print the violations.
 * Silent on success; on failure it prints each violation with its rule and exits non-zero.
 * It works on the current directory, so a test can run it in a copy of the repository.
 */
import { resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const options = await extractDepcruiseOptions(resolve('.dependency-cruiser.js'));
const tsConfigFile = options.ruleSet?.options?.tsConfig?.fileName;
const tsConfig = tsConfigFile ? extractTSConfig(resolve(tsConfigFile)) : undefined;
const result = await cruise(['src'], { ...options, outputType: 'err-long' }, {}, { tsConfig });

if (result.exitCode !== 0) {
  process.stderr.write(`Layer rules (.dependency-cruiser.js) broken:\n${String(result.output)}`);
  process.exitCode = 1;
}
