import { createRequire } from 'node:module';
import type { LabelledText } from '../src/nlu/classifier.js';

/**
 * NLP.js as the peer in the benchmark: `NluNeural` from @nlpjs/nlu with the Indonesian
 * tokenizer, stemmer and normaliser of @nlpjs/lang-id, wired through @nlpjs/core's container
 * the way its README does. The packages ship no types; this file names the little we use.
 */
const require = createRequire(import.meta.url);

interface Container {
  use(plugin: unknown): void;
}
interface NeuralNlu {
  train(corpus: Array<{ utterance: string; intent: string }>): Promise<unknown>;
  process(text: string): Promise<{ classifications: Array<{ intent: string; score: number }> }>;
}

/** A trained NLP.js classifier: top intent and its score (NLP.js itself answers "None" below 0.5). */
export interface NlpjsClassifier {
  classify(text: string): Promise<{ intent: string; score: number }>;
}

/** Trains NLP.js on the examples. */
export async function trainNlpjs(examples: readonly LabelledText[]): Promise<NlpjsClassifier> {
  const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<Container> };
  const { NluNeural } = require('@nlpjs/nlu') as {
    NluNeural: new (settings: { locale: string; log: boolean }, container: Container) => NeuralNlu;
  };
  const { LangId } = require('@nlpjs/lang-id') as { LangId: unknown };
  const container = await containerBootstrap();
  container.use(LangId);
  const nlu = new NluNeural({ locale: 'id', log: false }, container);
  await nlu.train(examples.map((e) => ({ utterance: e.text, intent: e.label })));
  return {
    async classify(text) {
      const top = (await nlu.process(text)).classifications[0];
      return top ? { intent: top.intent, score: top.score } : { intent: 'None', score: 0 };
    },
  };
}
