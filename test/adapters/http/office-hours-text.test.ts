import { describe, expect, it } from '@jest/globals';
import { hoursText } from '../../../src/adapters/http/views/supervisor/offices-view.js';

const DAY = [{ open: '08:00', close: '15:00' }];

describe('office hours on one line', () => {
  it('should name the days in the console language, Monday first, closed days left out, equal days in a row joined', () => {
    const hours = {
      sun: [],
      fri: [
        { open: '08:00', close: '11:30' },
        { open: '13:00', close: '15:00' },
      ],
      mon: DAY,
      tue: DAY,
      wed: DAY,
      thu: DAY,
      sat: [{ open: '08:00', close: '12:00' }],
    };
    expect(hoursText('id', hours)).toBe(
      'Senin–Kamis 08:00–15:00; Jumat 08:00–11:30, 13:00–15:00; Sabtu 08:00–12:00',
    );
    expect(hoursText('en', hours)).toBe(
      'Monday–Thursday 08:00–15:00; Friday 08:00–11:30, 13:00–15:00; Saturday 08:00–12:00',
    );
  });

  it('should not join days with a closed day between them, and show nothing for an office never open', () => {
    expect(hoursText('id', { mon: DAY, wed: DAY, sun: DAY })).toBe(
      'Senin 08:00–15:00; Rabu 08:00–15:00; Minggu 08:00–15:00',
    );
    expect(hoursText('id', {})).toBe('');
  });
});
