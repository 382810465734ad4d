import { findDateIn } from './dates.js';
import { findNikIn } from './nik.js';
import { findTrackingNumberIn, trackingNumberSpan } from './tracking.js';

/** The values a message carries besides its intent (the `entities` of an `Understanding`). */
export interface Entities {
  trackingNumber?: string;
  nik?: string;
  date?: string;
}

/**
 * Tracking number, NIK and date from the raw message. Each value is cut out before the next
 * is looked for, so the digits of a NIK or a tracking number are never read as a date.
 */
export function extractEntities(text: string): Entities {
  const out: Entities = {};
  let rest = text;
  const trackingNumber = findTrackingNumberIn(rest);
  if (trackingNumber) {
    out.trackingNumber = trackingNumber;
    rest = rest.replace(trackingNumberSpan(trackingNumber), ' ');
  }
  const nik = findNikIn(rest);
  if (nik) {
    out.nik = nik;
    rest = rest.replace(/(?<![\d])\d(?:[ .-]?\d){15}(?![\d])/, ' ');
  }
  const date = findDateIn(rest);
  if (date) out.date = date;
  return out;
}
