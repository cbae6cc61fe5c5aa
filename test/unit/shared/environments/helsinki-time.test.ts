import { describe, expect, it } from 'vitest';
import {
  fromHelsinki,
  helsinkiOffsetMinutes,
  lastSundayOf,
  nthWeekdayOf,
  toHelsinki,
} from '../../../../shared/environments/helsinki-time';

describe('EU summer time rule', () => {
  it.each([
    [2024, 3, 31],
    [2024, 10, 27],
    [2025, 3, 30],
    [2025, 10, 26],
    [2026, 3, 29],
    [2026, 10, 25],
    [2027, 3, 28],
    [2027, 10, 31],
  ])('last Sunday of %i-%i is day %i', (year, month, day) => {
    expect(lastSundayOf(year, month)).toBe(day);
  });

  it.each([
    ['2026-03-29T00:59:59Z', 120, '02:59'],
    ['2026-03-29T01:00:00Z', 180, '04:00'],
    ['2026-10-25T00:59:59Z', 180, '03:59'],
    ['2026-10-25T01:00:00Z', 120, '03:00'],
    ['2026-01-15T12:00:00Z', 120, '14:00'],
    ['2026-07-15T12:00:00Z', 180, '15:00'],
  ])('at %s the offset is %i minutes (local %s)', (instant, offset, local) => {
    const date = new Date(instant);
    expect(helsinkiOffsetMinutes(date.getTime())).toBe(offset);
    const parts = toHelsinki(date);
    expect(`${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`).toBe(
      local,
    );
  });

  it('agrees with the ICU time-zone database every hour from 2024 to 2027', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) {
      const p = toHelsinki(new Date(t));
      const ours = `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}, ${String(p.hour).padStart(2, '0')}:00`;
      expect(ours).toBe(format.format(new Date(t)));
    }
  });

  it('maps wall-clock times back to UTC, including on switch days', () => {
    expect(fromHelsinki(2026, 3, 29, 8 * 60).toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(fromHelsinki(2026, 3, 28, 8 * 60).toISOString()).toBe('2026-03-28T06:00:00.000Z');
    expect(fromHelsinki(2026, 10, 25, 8 * 60).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(fromHelsinki(2026, 10, 24, 8 * 60).toISOString()).toBe('2026-10-24T05:00:00.000Z');
    // 03:30 happens twice on 25 October: the earlier, summer-time reading wins.
    expect(fromHelsinki(2026, 10, 25, 210).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromHelsinki(2026, 12, 31, 1440).toISOString()).toBe('2026-12-31T22:00:00.000Z');
  });
});

describe('nthWeekdayOf', () => {
  it.each([
    [2026, 1, 1, 1, 5],
    [2026, 1, 4, 1, 1],
    [2026, 3, 1, 1, 2],
    [2026, 6, 1, 1, 1],
    [2026, 11, 1, 1, 2],
    [2026, 12, 1, 1, 7],
    [2026, 12, 4, 1, 3],
    [2027, 1, 4, 1, 7],
  ])('%i-%i: weekday %i occurrence %i is day %i', (year, month, weekday, occurrence, day) => {
    expect(nthWeekdayOf(year, month, weekday, occurrence)).toBe(day);
  });

  it('knows when a month has no fifth Monday and finds the last one', () => {
    expect(nthWeekdayOf(2026, 2, 1, 5)).toBeUndefined();
    expect(nthWeekdayOf(2026, 6, 1, 5)).toBe(29);
    expect(nthWeekdayOf(2026, 2, 1, 'last')).toBe(23);
  });
});
