import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { discardDocument } from '../../../src/app/effects/discard-document.js';
import { useTestDatabase } from '../../support/db.js';
import { openEffectDeps, turn, upload } from './support.js';

const db = useTestDatabase('effect_discard');
let deps: EffectDeps;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

describe('discardDocument', () => {
  it('should delete the pending upload at once, and ignore an empty id (a refused file was never stored)', async () => {
    const file = await upload(deps, 'discard-1');
    expect(await deps.documents.get(file.documentId)).toBeDefined();
    expect(
      await discardDocument(
        deps,
        { kind: 'discard_document', documentId: file.documentId },
        turn('discard-1'),
      ),
    ).toEqual([]);
    expect(await deps.documents.get(file.documentId)).toBeUndefined();

    expect(
      await discardDocument(deps, { kind: 'discard_document', documentId: '' }, turn('discard-1')),
    ).toEqual([]);
  });
});
