import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../src/config/command-line.js';
import { parseOfficerCreateArgs } from '../src/officer-create.js';
import { expectUsageError, runTsTool } from './support/run-tool.js';

const USAGE = /Pemakaian \/ usage: npm run officer:create -- --username/;

describe('npm run officer:create: the command line', () => {
  it('should read the account from the flags, admin by default', () => {
    expect(
      parseOfficerCreateArgs(['--username', 'admin', '--name', 'Admin Kota', '--office', '31.71']),
    ).toEqual({
      username: 'admin',
      displayName: 'Admin Kota',
      officeId: '31.71',
      role: 'admin',
    });
  });

  it('should name the missing flags and an unknown role', () => {
    expect(() => parseOfficerCreateArgs(['--username', 'a'])).toThrow(
      new UsageError('wajib diisi / required: --name, --office'),
    );
    expect(() =>
      parseOfficerCreateArgs(['--username', 'a', '--name', 'A', '--office', '31', '--role', 'raja']),
    ).toThrow(/--role harus salah satu dari/);
  });

  it('should take an agency account with its agency, and refuse either without the other', () => {
    const base = ['--username', 'citata', '--name', 'Cipta Karya', '--office', '31.71'];
    expect(parseOfficerCreateArgs([...base, '--role', 'agency', '--agency', 'dinas_pupr'])).toEqual({
      username: 'citata',
      displayName: 'Cipta Karya',
      officeId: '31.71',
      role: 'agency',
      agencyId: 'dinas_pupr',
    });
    expect(() => parseOfficerCreateArgs([...base, '--role', 'agency'])).toThrow(
      new UsageError('--role agency perlu --agency ID_INSTANSI / needs --agency AGENCY_ID'),
    );
    expect(() => parseOfficerCreateArgs([...base, '--role', 'officer', '--agency', 'dinas_pupr'])).toThrow(
      new UsageError('--agency hanya untuk --role agency / only for --role agency'),
    );
  });

  it('should answer missing flags with the usage and exit 2, before asking for the password', async () => {
    expectUsageError(
      await runTsTool('src/officer-create.ts', ['--username', 'a']),
      USAGE,
      /--name, --office/,
    );
  });

  it('should refuse an unknown option with the usage and exit 2, without a stack trace', async () => {
    expectUsageError(
      await runTsTool('src/officer-create.ts', ['--bogus']),
      USAGE,
      /Unknown option '--bogus'/,
    );
  });
});
