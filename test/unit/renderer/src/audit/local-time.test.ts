/** Recorded times shown as local time with the offset, in either direction from UTC. */
import { describe, expect, it } from 'vitest';
import { localTimeParts } from '../../../../../renderer/src/audit/local-time';

describe('localTimeParts', () => {
  it('shows Finnish winter time as +02:00, crossing midnight into the next day', () => {
    expect(localTimeParts('2026-11-29T23:49:26.123Z', () => 120)).toEqual({
      date: '2026-11-30',
      time: '01:49:26 +02:00',
    });
  });

  it('shows a zone behind UTC and a half-hour offset', () => {
    expect(localTimeParts('2026-11-30T00:10:00Z', () => -330)).toEqual({
      date: '2026-11-29',
      time: '18:40:00 -05:30',
    });
  });

  it('uses the machine zone by default and refuses what is not a time', () => {
    const parts = localTimeParts('2026-11-30T00:10:00Z');
    expect(parts?.time).toMatch(/^\d\d:\d\d:\d\d [+-]\d\d:\d\d$/);
    expect(localTimeParts('yesterday')).toBeUndefined();
  });
});
