/** The shape of a shipped holiday, shared by the yearly lists (holidays.ts, holidays-2027.ts). */

/** One day the offices are closed, with its name for the officer console. */
export interface Holiday {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
  /** An estimate (a lunar date, a cuti bersama) not yet checked against the year's SKB. */
  tentative?: boolean;
}
