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
  it('should mark the pending upload discarded, not delete it before the turn is saved, and ignore an empty id', async () => {
    const file = await upload(deps, 'discard-1');
    expect(await deps.documents.get(file.documentId)).toBeDefined();
    expect(
      await discardDocument(
        deps,
        { kind: 'discard_document', documentId: file.documentId },
        turn('discard-1'),
      ),
    ).toEqual([]);
    // The stored draft may still name it until the turn's new state is saved: the sweep deletes it.
    expect((await deps.documents.get(file.documentId))?.meta.discardedAt).toEqual(turn('x').msg.at);

    expect(
      await discardDocument(deps, { kind: 'discard_document', documentId: '' }, turn('discard-1')),
    ).toEqual([]);
  });
});
