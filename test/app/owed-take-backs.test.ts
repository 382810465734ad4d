import { describe, expect, it } from '@jest/globals';
import { OwedTakeBacks } from '../../src/app/owed-take-backs.js';

describe('OwedTakeBacks', () => {
  it('should hand back what is owed with the next try, and settle only that', async () => {
    const owed = new OwedTakeBacks<string>();
    owed.owe('a');
    owed.owe('a');
    const handed = await owed.handBack('a', (excused) => {
      // A take-back refused while this try is being written waits for the next one.
      owed.owe('a');
      return Promise.resolve(excused);
    });
    expect(handed).toBe(2);
    expect(await owed.handBack('a', (excused) => Promise.resolve(excused))).toBe(1);
    expect(await owed.handBack('a', (excused) => Promise.resolve(excused))).toBe(0);
  });

  it('should keep what is owed when the try is not written', async () => {
    const owed = new OwedTakeBacks<number>();
    owed.owe(1);
    await expect(owed.handBack(1, () => Promise.reject(new Error('away')))).rejects.toThrow('away');
    expect(await owed.handBack(1, (excused) => Promise.resolve(excused))).toBe(1);
  });

  it('should forget a gone item, and drop the one owed longest ago past its bound', async () => {
    const owed = new OwedTakeBacks<number>(2);
    owed.owe(1);
    owed.owe(2);
    owed.owe(1); // 1 is now the newest
    owed.owe(3);
    expect(await owed.handBack(2, (excused) => Promise.resolve(excused))).toBe(0);
    expect(await owed.handBack(1, (excused) => Promise.resolve(excused))).toBe(2);
    owed.forget(3);
    expect(await owed.handBack(3, (excused) => Promise.resolve(excused))).toBe(0);
  });
});
