import type { proto, WAMessage, WAMessageKey } from '@whiskeysockets/baileys';

/**
 * The last messages we sent, kept so Baileys can send one again when the citizen's phone could
 * not decrypt it (its `getMessage` hook), and so a retry of a send knows which of its parts already
 * went out. Bounded: the oldest are forgotten.
 */
export class RecentMessages {
  private readonly byId = new Map<string, proto.IMessage>();
  constructor(private readonly max = 500) {}

  remember(sent: WAMessage | undefined): void {
    const id = sent?.key?.id;
    if (!id || !sent.message) return;
    this.byId.delete(id);
    this.byId.set(id, sent.message);
    for (const oldest of this.byId.keys()) {
      if (this.byId.size <= this.max) break;
      this.byId.delete(oldest);
    }
  }

  /** Whether the message with this id was sent by this process lately (a retry skips it). */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(key: WAMessageKey): Promise<proto.IMessage | undefined> {
    return Promise.resolve(key.id ? this.byId.get(key.id) : undefined);
  }

  get size(): number {
    return this.byId.size;
  }
}
