import { offersService, type Office } from '../domain/office.js';
import type { OfficeRepository } from '../ports/office-repository.js';
import { officeChain } from './calendar.js';

/** Where an application goes, and the citizen's own office when that is somewhere else. */
export interface ServingOffice {
  officeId: string;
  office?: Office;
  /** Set when the citizen's office does not offer the service and it went up the tree. */
  routedFrom?: Office;
  /** The serving office and those above it, nearest first: its SLA and holidays read them. */
  chain: Office[];
}

/**
 * The office that handles `serviceId` for a citizen of `officeId`: that office when it offers the
 * service, else the nearest one above it that does (a kelurahan without PBG sends it to its
 * kecamatan, then the kota). When no office up the tree offers it, it stays at the citizen's own,
 * so nothing is lost and an officer there can transfer it.
 */
export async function servingOffice(
  offices: Pick<OfficeRepository, 'chain'> | undefined,
  officeId: string,
  serviceId: string,
): Promise<ServingOffice> {
  const chain = await officeChain(offices, officeId);
  const own = chain[0];
  if (!own) return { officeId, chain };
  const at = chain.findIndex((o) => offersService(o, serviceId));
  // Offered here, or nowhere up the tree: it stays at the citizen's own office.
  if (at <= 0) return { officeId, office: own, chain };
  const up = chain[at]!;
  return { officeId: up.id, office: up, routedFrom: own, chain: chain.slice(at) };
}
