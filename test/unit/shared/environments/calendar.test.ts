import { describe, expect, it } from 'vitest';
import {
  alwaysOpenCalendar,
  calendarStateAt,
  defaultCalendar,
  defaultCalendarForKind,
  outageAt,
} from '../../../../shared/environments/calendar';
import { parseCalendar } from '../../../../shared/environments/parse-calendar';

const tk = defaultCalendar({ faultTesting: true });
const at = defaultCalendar({ faultTesting: false });

describe('calendarStateAt with the TK defaults', () => {
  // Instants are UTC; Helsinki is UTC+2 in winter and UTC+3 in summer.
  it.each([
    // First Monday of December 2026 is the 7th (the 1st is a Tuesday).
    ['2026-12-07T10:00:00Z', 'fault-testing', true],
    ['2026-12-07T09:59:59Z', undefined, true],
    ['2026-12-07T13:00:00Z', undefined, true],
    ['2026-12-07T12:59:59Z', 'fault-testing', true],
    // Monday 1 December? No: the 1st is a Tuesday, so Monday 30 November was an ordinary day.
    ['2026-11-30T11:00:00Z', undefined, true],
    // First Thursday of December 2026 is the 3rd: maintenance 08–16.
    ['2026-12-03T06:00:00Z', 'maintenance', true],
    ['2026-12-03T13:59:00Z', 'maintenance', true],
    ['2026-12-03T14:00:00Z', 'outside-service-hours', false],
    // June 2026 starts on a Monday: fault testing on the 1st, in summer time (09:00–12:00 UTC).
    ['2026-06-01T09:00:00Z', 'fault-testing', true],
    ['2026-06-01T08:59:00Z', undefined, true],
    ['2026-06-01T11:59:00Z', 'fault-testing', true],
    // January 2026 starts on a Thursday: maintenance on New Year's Day.
    ['2026-01-01T06:30:00Z', 'maintenance', true],
    // Weekend and night.
    ['2026-11-28T12:00:00Z', 'outside-service-hours', false],
    ['2026-11-26T05:59:00Z', 'outside-service-hours', false],
    ['2026-11-26T06:00:00Z', undefined, true],
    // Sunday 29 March 2026, the summer-time switch day.
    ['2026-03-29T09:00:00Z', 'outside-service-hours', false],
    // Monday 2 March 2026 is the first Monday (the 1st is a Sunday), winter time.
    ['2026-03-02T10:30:00Z', 'fault-testing', true],
    ['2026-03-09T10:30:00Z', undefined, true],
  ])('at %s the active window is %s', (instant, kind, inService) => {
    const state = calendarStateAt(tk, new Date(instant));
    expect(state.activeWindow?.kind).toBe(kind);
    expect(state.inServiceHours).toBe(inService);
  });

  it('gives exact window bounds and the next window across a year boundary', () => {
    const state = calendarStateAt(tk, new Date('2026-12-07T10:15:00Z'));
    expect(state.activeWindow).toMatchObject({
      kind: 'fault-testing',
      startsAt: '2026-12-07T10:00:00.000Z',
      endsAt: '2026-12-07T13:00:00.000Z',
      isOutage: true,
    });
    // January 2027: the 1st is a Friday, first Monday the 4th, first Thursday the 7th.
    expect(state.nextWindow).toMatchObject({
      kind: 'fault-testing',
      startsAt: '2027-01-04T10:00:00.000Z',
    });
    const later = calendarStateAt(tk, new Date('2027-01-04T14:00:00Z'));
    expect(later.nextWindow).toMatchObject({
      kind: 'maintenance',
      startsAt: '2027-01-07T06:00:00.000Z',
    });
  });

  it('reports the whole gap outside service hours, over a weekend', () => {
    const state = calendarStateAt(tk, new Date('2026-11-28T12:00:00Z'));
    expect(state.activeWindow).toMatchObject({
      startsAt: '2026-11-27T14:00:00.000Z',
      endsAt: '2026-11-30T06:00:00.000Z',
    });
  });

  it('outside-service-hours gaps follow the summer-time switch', () => {
    // Friday 27 March 16:00 EET = 14:00 UTC; Monday 30 March 08:00 EEST = 05:00 UTC.
    const state = calendarStateAt(tk, new Date('2026-03-28T12:00:00Z'));
    expect(state.activeWindow).toMatchObject({
      startsAt: '2026-03-27T14:00:00.000Z',
      endsAt: '2026-03-30T05:00:00.000Z',
    });
  });

  it('only fault testing and announced outages count as outages', () => {
    expect(outageAt(tk, new Date('2026-12-07T10:00:00Z'))?.kind).toBe('fault-testing');
    expect(outageAt(tk, new Date('2026-12-03T08:00:00Z'))).toBeUndefined();
    expect(outageAt(at, new Date('2026-12-07T10:00:00Z'))).toBeUndefined();
  });

  it('applies announced outages', () => {
    const calendar = {
      ...at,
      announcedOutages: [
        {
          startsAt: '2026-12-10T08:00:00Z',
          endsAt: '2026-12-10T09:00:00Z',
          description: 'Upgrade',
        },
      ],
    };
    expect(outageAt(calendar, new Date('2026-12-10T08:30:00Z'))?.description).toBe('Upgrade');
    expect(calendarStateAt(calendar, new Date('2026-12-09T08:30:00Z')).nextWindow?.kind).toBe(
      'announced-outage',
    );
  });
});

describe('defaults by kind', () => {
  it('fault testing is on for TK only; the sandbox is always open', () => {
    expect(defaultCalendarForKind('TK').monthly.map((w) => w.kind)).toContain('fault-testing');
    expect(defaultCalendarForKind('AT').monthly.map((w) => w.kind)).not.toContain('fault-testing');
    expect(defaultCalendarForKind('sandbox')).toBe(alwaysOpenCalendar);
    const state = calendarStateAt(alwaysOpenCalendar, new Date('2026-11-28T23:30:00Z'));
    expect(state).toEqual({ inServiceHours: true, activeWindows: [] });
  });
});

describe('parseCalendar', () => {
  it('accepts the defaults round-tripped through JSON', () => {
    const parsed = parseCalendar(JSON.parse(JSON.stringify(tk)));
    expect(parsed).toEqual({ ok: true, value: tk });
  });

  it.each([
    [{}, 'calendar.serviceHours must be an object.'],
    [{ ...tk, timeZone: 'UTC' }, 'calendar.timeZone must be Europe/Helsinki'],
    [{ ...tk, extra: 1 }, "calendar has an unknown field 'extra'."],
    [
      { ...tk, serviceHours: { days: ['mon'], start: '08:00', end: '16:00' } },
      'must list weekdays',
    ],
    [
      { ...tk, serviceHours: { days: ['monday'], start: '8:00', end: '16:00' } },
      'start must be a time HH:MM',
    ],
    [
      { ...tk, serviceHours: { days: ['monday'], start: '16:00', end: '08:00' } },
      'end must be later',
    ],
    [
      { ...tk, monthly: [{ ...tk.monthly[0], occurrence: 6 }] },
      'calendar.monthly[0].occurrence must be 1–5',
    ],
    [
      { ...tk, monthly: [{ ...tk.monthly[0], kind: 'party' }] },
      'kind must be fault-testing or maintenance',
    ],
    [
      {
        ...tk,
        announcedOutages: [
          { startsAt: '2026-12-10 08:00', endsAt: '2026-12-10T09:00Z', description: '' },
        ],
      },
      'startsAt must be an ISO date-time',
    ],
  ])('refuses %j with a clear message', (raw, message) => {
    const parsed = parseCalendar(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid-calendar');
      expect(parsed.error.message).toContain(message);
    }
  });

  it('makes fault-testing windows outages unless told otherwise', () => {
    const { isOutage: _drop, ...rest } = tk.monthly[1]!;
    const parsed = parseCalendar({ ...tk, monthly: [rest] });
    expect(parsed.ok && parsed.value.monthly[0]?.isOutage).toBe(true);
  });
});
