import { ancestors, offersService, type Office } from '../domain/office.js';
import type { OfficeRepository } from '../ports/office-repository.js';

/** Where an application goes, and the citizen's own office when that is somewhere else. */
export interface ServingOffice {
  officeId: string;
  office?: Office;
  /** Set when the citizen's office does not offer the service and it went up the tree. */
  routedFrom?: Office;
}

/**
 * The office that handles `serviceId` for a citizen of `officeId`: that office when it offers the
 * service, else the nearest one above it that does (a kelurahan without PBG sends it to its
 * kecamatan, then the kota). When no office up the tree offers it, it stays at the citizen's own,
 * so nothing is lost and an officer there can transfer it.
 */
export async function servingOffice(
  offices: OfficeRepository | undefined,
  officeId: string,
  serviceId: string,
): Promise<ServingOffice> {
  const own = offices && officeId ? await offices.get(officeId) : undefined;
  if (!offices || !own) return { officeId };
  if (offersService(own, serviceId)) return { officeId, office: own };
  const tree = new Map<string, Office>([[own.id, own]]);
  for (let id = own.parentId; id !== null && !tree.has(id);) {
    const parent = await offices.get(id);
    if (!parent) break;
    tree.set(parent.id, parent);
    id = parent.parentId;
  }
  const up = ancestors(own.id, (id) => tree.get(id)).find((o) => offersService(o, serviceId));
  return up ? { officeId: up.id, office: up, routedFrom: own } : { officeId, office: own };
}
