import { describe, expect, it } from '@jest/globals';
import { csvRecords, parseCsv } from '../../src/catalog/area-csv.js';

describe('parseCsv', () => {
  it('should keep commas and doubled quotes inside quoted fields', () => {
    const text =
      'code,district_code,name\n12.07.28.1007,12.07.28,"Lubuk Pakam I,II"\n35.29.22,35.29,"Ra""as"\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'district_code', 'name'],
      ['12.07.28.1007', '12.07.28', 'Lubuk Pakam I,II'],
      ['35.29.22', '35.29', 'Ra"as'],
    ]);
  });

  it('should read CRLF line ends, empty fields and a last line without newline', () => {
    expect(parseCsv('a,b\r\n1,\r\n,2')).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['', '2'],
    ]);
  });

  it('should allow a newline inside quotes', () => {
    expect(parseCsv('a\n"x\ny"\n')).toEqual([['a'], ['x\ny']]);
  });

  it('should throw on an unterminated quote', () => {
    expect(() => parseCsv('a\n"x')).toThrow(SyntaxError);
  });
});

describe('csvRecords', () => {
  it('should key rows by header name whatever the column order', () => {
    expect(csvRecords('name,code\nGambir,31.71.01\n\n', ['code', 'name'])).toEqual([
      { code: '31.71.01', name: 'Gambir' },
    ]);
  });

  it('should throw when a column is missing', () => {
    expect(() => csvRecords('code\n31', ['code', 'name'])).toThrow(/no column "name"/);
  });
});
