/*
 * What only the fault tests ask of the database. The processes, the fake chat and the fake Bot
 * API they drive are shared with the chaos run: scripts/support/.
 */

/** The collections `messageState` reads, on any connection (a test's own or a server's). */
interface HasCollections {
  collection(name: string): {
    findOne(filter: Record<string, unknown>): Promise<Record<string, unknown> | null>;
    find(filter: Record<string, unknown>): { toArray(): Promise<Array<Record<string, unknown>>> };
  };
}

/** Whether a stored conversation version lists `messageId` as handled (a JSON array in a string). */
function lists(version: Record<string, unknown>, messageId: string): boolean {
  return (JSON.parse(String(version.handled)) as string[]).includes(messageId);
}

/**
 * Where an inbound message is in its handling, as the database says: `done` once its turn saved
 * a conversation version naming or listing it (or a redelivery marked its claim so), `processing`
 * while claimed (uploads and turns with effects claim theirs), `unseen` before.
 */
export async function messageState(
  conn: HasCollections,
  channel: string,
  messageId: string,
): Promise<'unseen' | 'processing' | 'done'> {
  const versions = await conn.collection('conversations').find({ channel }).toArray();
  if (versions.some((v) => v.messageId === messageId || lists(v, messageId))) return 'done';
  const claim = await conn.collection('inbound_messages').findOne({ channel, messageId });
  if (!claim) return 'unseen';
  return claim.status === 'done' ? 'done' : 'processing';
}
