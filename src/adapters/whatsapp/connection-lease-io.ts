import type { Logger } from '../../config/logger.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { WhatsAppState } from '../../ports/whatsapp-session.js';
import type { ConnectionEvent } from './connection-state.js';

/** What the lease calls need: the store, who we are, and where their answers go. */
export interface LeaseIoDeps {
  leases: LeaseRepository;
  leaseName: string;
  holder: string;
  leaseTtlMs: number;
  now: () => Date;
  logger: Logger;
  /** Feeds an answer back to the machine. */
  dispatch: (event: ConnectionEvent) => Promise<void>;
  /** Resolves when the credential writes queued so far are done. */
  saved: () => Promise<void>;
}

/** The lease commands of the connection machine, each turning the store's answer into an event. */
export interface LeaseIo {
  acquire(): Promise<void>;
  renew(note: WhatsAppState): Promise<void>;
  release(): Promise<void>;
  read(): Promise<void>;
}

/** Carries out the machine's lease commands against the lease store; never throws. */
export function createLeaseIo(d: LeaseIoDeps): LeaseIo {
  return {
    async acquire() {
      let claim;
      try {
        claim = await d.leases.acquire(d.leaseName, d.holder, d.leaseTtlMs, d.now());
      } catch (error) {
        return d.dispatch({ type: 'lease_unreachable', error });
      }
      const { lease } = claim;
      return d.dispatch(
        claim.acquired ? { type: 'lease_acquired', lease } : { type: 'lease_held_elsewhere', lease },
      );
    },
    async renew(note) {
      let ok: boolean;
      try {
        ok = await d.leases.renew(d.leaseName, d.holder, d.leaseTtlMs, d.now(), note);
      } catch (error) {
        return d.dispatch({ type: 'lease_renew_failed', error });
      }
      return d.dispatch(ok ? { type: 'lease_renewed' } : { type: 'lease_lost' });
    },
    async release() {
      // The login written so far goes with the number to the next holder.
      await d.saved();
      await d.leases.release(d.leaseName, d.holder, d.now()).catch((err: unknown) => {
        d.logger.warn({ err }, 'whatsapp lease not released');
      });
    },
    async read() {
      const lease = await d.leases.current(d.leaseName).catch(() => undefined);
      return d.dispatch({ type: 'lease_read', lease });
    },
  };
}
