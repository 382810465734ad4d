import type { Understanding } from '../domain/understanding.js';
import { classifierFrom, trainClassifier } from './classifier.js';
import type { Classifier, ClassifierData, LabelledText } from './classifier.js';
import { extractEntities } from './entities.js';
import type { IntentData } from './intent-data.js';
import { INTENTS } from './labels.js';
import { detectLanguage } from './language.js';
import { analyse, normalizeTokens } from './normalize.js';
import type { Analysis } from './normalize.js';
import { createServiceMatcher, type ServiceMatcher } from './service-match.js';

/**
 * The NLU as the rest of Loket sees it: train once from `intents/` at start-up, then
 * `understand(text)` per message (pure and fast: well under a millisecond).
 */

/** What `createNlu` needs. */
export interface NluOptions {
  intents: IntentData;
  /** Below this confidence the engine should ask a clarifying question (default 0.5). */
  threshold?: number;
  /** The classifiers trained before on the same intents (nlu-cache.ts); trained now when absent. */
  model?: NluModel;
}

/** The trained classifiers of an NLU, as data (what nlu-cache.ts stores). */
export interface NluModel {
  intent: ClassifierData;
  /** Absent when the service examples name fewer than two labels. */
  service?: ClassifierData;
}

/** A trained NLU. */
export interface Nlu {
  /** The confidence below which an understanding is a guess worth confirming with a menu. */
  readonly threshold: number;
  understand(text: string): Understanding;
  /** Its trained classifiers, to store and give back to `createNlu` (no copy: do not modify). */
  readonly model: NluModel;
}

/** The label the service classifier uses for "this message names no service". */
const NO_SERVICE = '-';
/** A service guessed without a keyword must be at least this likely. */
const SERVICE_GUESS_MIN = 0.5;
/** Intents where a missing service makes the answer impossible, so a lone "kk" is worth offering as the card. */
const NEEDS_SERVICE = new Set(['ask_requirements', 'apply', 'ask_cost', 'ask_duration']);

/**
 * Trains the intent classifier on the intent examples and a service classifier on the
 * service examples (plus intent examples that name no service, as the "none" class).
 */
export function trainNluModel(intents: IntentData): NluModel {
  const intentExamples: LabelledText[] = INTENTS.flatMap((label) =>
    intents.intents[label].map((text) => ({ text, label })),
  );
  const matcher = serviceMatcher(intents);
  const serviceExamples: LabelledText[] = [
    ...Object.entries(intents.services).flatMap(([label, s]) => s.examples.map((text) => ({ text, label }))),
    ...intentExamples
      .filter((e) => {
        const m = matcher.match(normalizeTokens(e.text));
        return m.service === null && m.ambiguous.length === 0;
      })
      .map((e) => ({ text: e.text, label: NO_SERVICE })),
  ];
  const trainsService = new Set(serviceExamples.map((e) => e.label)).size >= 2;
  return {
    intent: trainClassifier(intentExamples).data,
    ...(trainsService ? { service: trainClassifier(serviceExamples).data } : {}),
  };
}

function serviceMatcher(intents: IntentData): ServiceMatcher {
  return createServiceMatcher(
    Object.fromEntries(Object.entries(intents.services).map(([id, s]) => [id, s.keywords])),
  );
}

/**
 * The NLU of `intents`: the classifiers (given, or trained now) wired with keyword matching and
 * entity extraction.
 */
export function createNlu(options: NluOptions): Nlu {
  const { intents, threshold = 0.5 } = options;
  const model = options.model ?? trainNluModel(intents);
  const intentClassifier = classifierFrom(model.intent);
  const matcher = serviceMatcher(intents);
  const serviceClassifier: Classifier | undefined = model.service ? classifierFrom(model.service) : undefined;
  const hasKk = 'kk' in intents.services;

  function serviceOf(analysis: Analysis): string | null {
    const m = matcher.match(analysis.tokens);
    if (m.service) return m.service;
    const ranked = serviceClassifier?.classifyAnalysis(analysis) ?? [];
    if (m.ambiguous.length > 0) {
      return ranked.find((r) => m.ambiguous.includes(r.label))?.label ?? null;
    }
    const top = ranked[0];
    return top && top.label !== NO_SERVICE && top.confidence >= SERVICE_GUESS_MIN ? top.label : null;
  }

  return {
    threshold,
    model,
    understand(text) {
      const analysis = analyse(text);
      const service = serviceOf(analysis);
      const ranked = intentClassifier.classifyAnalysis(analysis);
      const top = ranked[0] ?? { label: 'out_of_scope', confidence: 0 };
      const candidates = ranked
        .slice(0, 3)
        .map((r) => ({ intent: r.label, service, confidence: r.confidence }));
      // "kk" read as "kakak" may still have meant the card: offer it second rather than lose it.
      if (hasKk && service === null && NEEDS_SERVICE.has(top.label) && /(^|[^a-z])kk([^a-z]|$)/i.test(text)) {
        candidates.splice(1, 0, { intent: top.label, service: 'kk', confidence: top.confidence });
        candidates.length = Math.min(candidates.length, 3);
      }
      return {
        intent: top.label,
        confidence: top.confidence,
        service,
        candidates,
        entities: extractEntities(text),
        language: detectLanguage(text),
      };
    },
  };
}
