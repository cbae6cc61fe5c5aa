/** The fault-testing window: first Monday of the month, 12:00–15:00 Europe/Helsinki. */
import { describe, expect, it } from 'vitest';
import { scheduledOutageAt } from '../../../../electron/sandbox/service-calendar';

describe('scheduledOutageAt', () => {
  it.each([
    ['2026-12-07T10:00:00Z', true, 'winter (UTC+2): 12:00 Helsinki, first Monday'],
    ['2026-12-07T12:59:59Z', true, 'winter: 14:59:59 Helsinki'],
    ['2026-12-07T13:00:00Z', false, 'winter: 15:00 Helsinki, the window has ended'],
    ['2026-12-07T09:59:59Z', false, 'winter: 11:59:59 Helsinki'],
    ['2026-12-14T11:00:00Z', false, 'the second Monday'],
    ['2026-06-01T09:00:00Z', true, 'summer (UTC+3): 12:00 Helsinki, first Monday of June'],
    ['2026-06-01T12:00:00Z', false, 'summer: 15:00 Helsinki'],
    ['2026-12-03T11:00:00Z', false, 'the first Thursday (maintenance, not an outage)'],
  ])('%s → %s (%s)', (instant, isOutage) => {
    expect(scheduledOutageAt(new Date(instant)) !== undefined).toBe(isOutage);
  });

  it('ends the window at 15:00 Helsinki', () => {
    expect(scheduledOutageAt(new Date('2026-12-07T11:30:00Z'))?.endsAt.toISOString()).toBe(
      '2026-12-07T13:00:00.000Z',
    );
  });
});
