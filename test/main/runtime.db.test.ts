import { describe, expect, it } from '@jest/globals';
import { createRuntime } from '../../src/main/runtime.js';
import { DEFAULT_HOLIDAY_DATES } from '../../src/domain/holidays.js';
import { useTestDatabase } from '../support/db.js';

describe('createRuntime', () => {
  const db = useTestDatabase('runtime');

  it('should name each Loket apart, even two in one process', async () => {
    const a = await createRuntime({ HOLIDAYS: [] }, db.conn());
    const b = await createRuntime({ HOLIDAYS: [] }, db.conn());
    expect(a.holder).toMatch(new RegExp(`^.+:${process.pid}:[0-9a-f]{6}$`));
    expect(a.holder).not.toBe(b.holder);
  });

  it('should close the counters on the national holidays and on HOLIDAYS', async () => {
    const { holidays } = await createRuntime({ HOLIDAYS: ['2026-12-24'] }, db.conn());
    expect(holidays).toEqual([...DEFAULT_HOLIDAY_DATES, '2026-12-24']);
  });

  it('should take leases under its holder on the database', async () => {
    const runtime = await createRuntime({ HOLIDAYS: [] }, db.conn(), {
      holder: 'test-a',
      now: () => new Date(0),
    });
    expect(runtime.now()).toEqual(new Date(0));
    expect((await runtime.leases.acquire('runtime-test', runtime.holder, 60_000)).acquired).toBe(true);
    expect(await runtime.leases.current('runtime-test')).toMatchObject({ holder: 'test-a' });
  });
});
