import type { ChatAddress } from '../../../src/domain/application.js';
import type { SystemEvent } from '../../../src/dialogue/types.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import type { PushConversationEvent } from '../../../src/app/officer/push-conversation-event.js';

/** An officer of the Gambir kelurahan office. */
export const budi: OfficerActor = {
  id: '65f0000000000000000000b1',
  username: 'budi',
  displayName: 'Budi Santoso',
  role: 'officer',
  officeId: '31.71.01.1001',
};

/** A second officer of the same office. */
export const ani: OfficerActor = {
  ...budi,
  id: '65f0000000000000000000a2',
  username: 'ani',
  displayName: 'Ani',
};

/** A supervisor at the kecamatan office above Gambir. */
export const sari: OfficerActor = {
  id: '65f0000000000000000000c3',
  username: 'sari',
  displayName: 'Sari',
  role: 'supervisor',
  officeId: '31.71.01',
};

/** An officer of another kota: outside Gambir's subtree. */
export const joko: OfficerActor = {
  ...budi,
  id: '65f0000000000000000000d4',
  username: 'joko',
  officeId: '32.73.01.1001',
};

/** A PushConversationEvent that remembers what it was asked to push. */
export function recordingPush(fail = false): PushConversationEvent & {
  calls: Array<{ address: ChatAddress; event: SystemEvent }>;
} {
  const calls: Array<{ address: ChatAddress; event: SystemEvent }> = [];
  const push = (address: ChatAddress, event: SystemEvent): Promise<void> => {
    calls.push({ address, event });
    return fail ? Promise.reject(new Error('channel down')) : Promise.resolve();
  };
  return Object.assign(push, { calls });
}

/** A fixed clock. */
export const at = (iso: string) => () => new Date(iso);
