import { describe, expect, it } from '@jest/globals';
import type { Office } from '../../src/domain/office.js';
import { DEFAULT_HOURS, ancestors, isOpen, isWithin, nextOpening } from '../../src/domain/office.js';

function wib(local: string): Date {
  return new Date(`${local}+07:00`);
}

const tree: Office[] = [
  { id: '31', name: 'Provinsi DKI Jakarta', level: 'provinsi', parentId: null, hours: DEFAULT_HOURS },
  {
    id: '31.71',
    name: 'Kota Administrasi Jakarta Pusat',
    level: 'kota',
    parentId: '31',
    hours: DEFAULT_HOURS,
  },
  { id: '31.71.01', name: 'Kecamatan Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
  {
    id: '31.71.01.1001',
    name: 'Kelurahan Gambir',
    level: 'kelurahan',
    parentId: '31.71.01',
    hours: DEFAULT_HOURS,
  },
  {
    id: '31.71.01.1002',
    name: 'Kelurahan Cideng',
    level: 'kelurahan',
    parentId: '31.71.01',
    hours: DEFAULT_HOURS,
  },
  {
    id: '31.71.02',
    name: 'Kecamatan Sawah Besar',
    level: 'kecamatan',
    parentId: '31.71',
    hours: DEFAULT_HOURS,
  },
];
const byId = new Map(tree.map((o) => [o.id, o]));
const lookup = (id: string): Office | undefined => byId.get(id);
const gambir = byId.get('31.71.01.1001') as Office;

describe('isOpen', () => {
  it('should be open from 08:00 up to but not at 15:00 on weekdays', () => {
    expect(isOpen(gambir, wib('2026-02-02T07:59'))).toBe(false);
    expect(isOpen(gambir, wib('2026-02-02T08:00'))).toBe(true);
    expect(isOpen(gambir, wib('2026-02-02T14:59'))).toBe(true);
    expect(isOpen(gambir, wib('2026-02-02T15:00'))).toBe(false);
  });

  it('should be closed at the weekend by default', () => {
    expect(isOpen(gambir, wib('2026-02-07T10:00'))).toBe(false);
    expect(isOpen(gambir, wib('2026-02-08T10:00'))).toBe(false);
  });

  it('should be closed on a configured holiday', () => {
    expect(isOpen(gambir, wib('2026-08-17T10:00'), { holidays: ['2026-08-17'] })).toBe(false);
    expect(isOpen(gambir, wib('2026-08-17T10:00'))).toBe(true);
  });

  it('should follow hours given as data, with a Saturday and a lunch break', () => {
    const office: Office = {
      ...gambir,
      hours: {
        mon: [
          { open: '13:00', close: '16:00' },
          { open: '08:00', close: '12:00' },
        ],
        sat: [{ open: '08:00', close: '12:00' }],
      },
    };
    expect(isOpen(office, wib('2026-02-02T12:30'))).toBe(false);
    expect(isOpen(office, wib('2026-02-02T15:30'))).toBe(true);
    expect(isOpen(office, wib('2026-02-07T11:59'))).toBe(true);
    expect(isOpen(office, wib('2026-02-03T10:00'))).toBe(false);
  });

  it('should read the Jakarta clock whatever the UTC date', () => {
    // Monday 08:30 WIB is Monday 01:30 UTC; Sunday 23:30 UTC is Monday 06:30 WIB.
    expect(isOpen(gambir, new Date('2026-02-02T01:30:00Z'))).toBe(true);
    expect(isOpen(gambir, new Date('2026-02-01T23:30:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('should be now when open', () => {
    const at = wib('2026-02-02T09:00');
    expect(nextOpening(gambir, at)).toBe(at);
  });

  it('should be 08:00 the same day before opening', () => {
    expect(nextOpening(gambir, wib('2026-02-02T06:00'))).toEqual(wib('2026-02-02T08:00'));
  });

  it('should be the next morning after closing, Monday after Friday', () => {
    expect(nextOpening(gambir, wib('2026-02-02T15:00'))).toEqual(wib('2026-02-03T08:00'));
    expect(nextOpening(gambir, wib('2026-02-06T15:30'))).toEqual(wib('2026-02-09T08:00'));
  });

  it('should skip holidays across the year end', () => {
    const holidays = ['2026-12-24', '2026-12-25', '2027-01-01'];
    expect(nextOpening(gambir, wib('2026-12-23T16:00'), { holidays })).toEqual(wib('2026-12-28T08:00'));
    expect(nextOpening(gambir, wib('2026-12-31T15:00'), { holidays })).toEqual(wib('2027-01-04T08:00'));
  });

  it('should find the afternoon period after a lunch break', () => {
    const office: Office = {
      ...gambir,
      hours: {
        mon: [
          { open: '08:00', close: '12:00' },
          { open: '13:00', close: '16:00' },
        ],
      },
    };
    expect(nextOpening(office, wib('2026-02-02T12:10'))).toEqual(wib('2026-02-02T13:00'));
  });

  it('should be null for an office that never opens', () => {
    expect(nextOpening({ ...gambir, hours: {} }, wib('2026-02-02T09:00'))).toBeNull();
  });
});

describe('ancestors', () => {
  it('should list kecamatan, kota and provinsi, nearest first', () => {
    expect(ancestors('31.71.01.1001', lookup).map((o) => o.level)).toEqual(['kecamatan', 'kota', 'provinsi']);
  });

  it('should be empty for the province and for an unknown office', () => {
    expect(ancestors('31', lookup)).toEqual([]);
    expect(ancestors('99', lookup)).toEqual([]);
  });

  it('should stop at a cycle instead of looping', () => {
    const a: Office = { ...gambir, id: 'a', parentId: 'b' };
    const b: Office = { ...gambir, id: 'b', parentId: 'a' };
    const cyc = new Map([
      ['a', a],
      ['b', b],
    ]);
    expect(ancestors('a', (id) => cyc.get(id)).map((o) => o.id)).toEqual(['b']);
  });
});

describe('isWithin', () => {
  it('should let an office see itself and the offices below it', () => {
    expect(isWithin('31.71.01.1001', '31.71.01.1001', lookup)).toBe(true);
    expect(isWithin('31.71.01.1001', '31.71.01', lookup)).toBe(true);
    expect(isWithin('31.71.01.1002', '31', lookup)).toBe(true);
  });

  it('should not let an office see a neighbour or a parent', () => {
    expect(isWithin('31.71.01.1002', '31.71.01.1001', lookup)).toBe(false);
    expect(isWithin('31.71.01.1001', '31.71.02', lookup)).toBe(false);
    expect(isWithin('31.71.01', '31.71.01.1001', lookup)).toBe(false);
  });
});
