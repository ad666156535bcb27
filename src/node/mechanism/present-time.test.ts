import { describe, expect, it } from 'vitest';
import { presentTime } from './present-time.js';

describe('every time in UTC and on both sides\' clocks', () => {
  it('gives the 21 Dec 2023 VTC in Washington and Beijing time', () => {
    expect(presentTime('2023-12-21T13:00:00.000Z', { US: 'America/New_York', CN: 'Asia/Shanghai' })).toEqual({
      utc: '2023-12-21T13:00:00.000Z',
      local: { CN: { zone: 'Asia/Shanghai', text: '2023-12-21 21:00' }, US: { zone: 'America/New_York', text: '2023-12-21 08:00' } },
    });
  });

  it('shows a call on Sept 9 in Hawaii as Sept 10 in Beijing, and midnight as 00, not 24', () => {
    const shown = presentTime('2021-09-10T04:00:00.000Z', { US: 'Pacific/Honolulu', CN: 'Asia/Shanghai' });
    expect(shown.local.US!.text).toBe('2021-09-09 18:00');
    expect(shown.local.CN!.text).toBe('2021-09-10 12:00');
    expect(presentTime('2024-01-08T16:00:00.000Z', { CN: 'Asia/Shanghai' }).local.CN!.text).toBe('2024-01-09 00:00');
  });

  it('keeps a missing time missing', () => {
    expect(presentTime(null, { US: 'America/New_York' })).toBeNull();
  });
});
