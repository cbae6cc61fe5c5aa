import { describe, expect, it } from 'vitest';
import {
  alwaysOpenCalendar,
  calendarStateAt,
  defaultCalendar,
  type EnvironmentCalendar,
} from '../../../../shared/environments/calendar';
import { identityFinding } from '../../../../shared/identity/scan';
import {
  attemptEvent,
  attemptOutcomeEvent,
  stateOfOutcome,
} from '../../../../shared/invalidation/audit-records';
import {
  environmentFindings,
  isAllowed,
  preflight,
  type InvalidationSubject,
} from '../../../../shared/invalidation/preflight';

const testProfile = { displayName: 'Kanta TK', isTestEnvironment: true };
const tk = defaultCalendar({ faultTesting: true });
// First Monday of December 2026 is the 7th: fault testing 12–15 Finnish time = 10–13 UTC.
const inFaultWindow = new Date('2026-12-07T11:00:00Z');
const ordinaryTuesday = new Date('2026-12-08T09:00:00Z');

function input(now: Date, calendar: EnvironmentCalendar = tk, subject?: InvalidationSubject) {
  return {
    profile: testProfile,
    calendarState: calendarStateAt(calendar, now),
    now,
    ...(subject ? { subject } : {}),
  };
}

const cleanSubject: InvalidationSubject = {
  resourceId: 'd3',
  status: 'current',
  identityCodes: [identityFinding('010181-900C', 'recordTarget/patientRole/id')],
};

describe('preflight', () => {
  it('allows a current document of test identities in a test environment on an ordinary day', () => {
    const findings = preflight(input(ordinaryTuesday, tk, cleanSubject));
    expect(findings).toEqual([]);
    expect(isAllowed(findings)).toBe(true);
  });

  it('refuses a profile that is not a test environment', () => {
    const findings = preflight({
      ...input(ordinaryTuesday, tk, cleanSubject),
      profile: { displayName: 'Production', isTestEnvironment: false },
    });
    expect(findings).toEqual([
      {
        code: 'not-test-environment',
        severity: 'block',
        message:
          'Production is not marked as a test environment; Archivist invalidates documents only in test environments.',
      },
    ]);
    expect(isAllowed(findings)).toBe(false);
  });

  it('refuses inside the fault-testing window and names it with its end in Finnish time', () => {
    const findings = environmentFindings(input(inFaultWindow));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('fault-testing-window');
    expect(findings[0]?.message).toMatch(
      /^Invalidation is not allowed during the fault-testing window: Monthly fault testing: .*first Monday, 12:00–15:00 Finnish time.*It lasts until 7\.12\.2026 15:00 Finnish time\.$/,
    );
    // A calendar without the window (the sandbox's) has nothing to say at the same instant.
    expect(environmentFindings(input(inFaultWindow, alwaysOpenCalendar))).toEqual([]);
  });

  it('refuses an announced outage and only warns in the maintenance window', () => {
    const announced: EnvironmentCalendar = {
      ...alwaysOpenCalendar,
      announcedOutages: [
        {
          startsAt: '2026-12-08T08:00:00Z',
          endsAt: '2026-12-08T10:00:00Z',
          description: 'Database upgrade.',
        },
      ],
    };
    const outage = environmentFindings(input(ordinaryTuesday, announced));
    expect(outage.map((finding) => [finding.code, finding.severity])).toEqual([
      ['outage-window', 'block'],
    ]);
    expect(outage[0]?.message).toMatch(/Database upgrade\. It lasts until 8\.12\.2026 12:00/);
    // First Thursday of December 2026 is the 3rd: maintenance 08–16 Finnish time.
    const maintenance = environmentFindings(input(new Date('2026-12-03T07:00:00Z')));
    expect(maintenance.map((finding) => [finding.code, finding.severity])).toEqual([
      ['maintenance-window', 'warning'],
    ]);
    expect(isAllowed(maintenance)).toBe(true);
  });

  it('refuses every identity code that is not a valid 900-series test code, saying where', () => {
    const subject: InvalidationSubject = {
      ...cleanSubject,
      identityCodes: [
        identityFinding('010181-900C', 'recordTarget/patientRole/id'),
        identityFinding('010181-123A', 'participant[SBJ]/associatedEntity/id'),
        identityFinding('310299-900X', 'section "Tulokset" text'),
      ],
    };
    const findings = preflight(input(ordinaryTuesday, tk, subject));
    expect(findings.map((finding) => [finding.code, finding.where])).toEqual([
      ['non-test-identity-code', 'participant[SBJ]/associatedEntity/id'],
      ['non-test-identity-code', 'section "Tulokset" text'],
    ]);
    expect(findings[0]?.message).toBe(
      'The identity code at participant[SBJ]/associatedEntity/id is a real person’s identity code (individual number below 900), not a test code; only documents of 900-series test identities may be invalidated.',
    );
    // The real person's code itself is not repeated in the message.
    expect(findings[0]?.message).not.toContain('123A');
    expect(findings[1]?.message).toMatch(/is not a valid identity code \(.*not a real date/);
  });

  it('refuses a document that is already invalidated', () => {
    const findings = preflight(
      input(ordinaryTuesday, tk, { ...cleanSubject, status: 'entered-in-error' }),
    );
    expect(findings).toEqual([
      {
        code: 'already-invalidated',
        severity: 'block',
        message: 'DocumentReference/d3 is already invalidated (status entered-in-error).',
      },
    ]);
  });

  it('reports all findings at once', () => {
    const findings = preflight({
      ...input(inFaultWindow, tk, {
        ...cleanSubject,
        status: 'entered-in-error',
        identityCodes: [identityFinding('010181-123A', 'id')],
      }),
      profile: { displayName: 'X', isTestEnvironment: false },
    });
    expect(findings.map((finding) => finding.code)).toEqual([
      'not-test-environment',
      'fault-testing-window',
      'already-invalidated',
      'non-test-identity-code',
    ]);
  });
});

describe('invalidation audit records', () => {
  const ctx = {
    operator: { name: 'T', registrationNumber: '1', organisationOid: '1.2.3', osUser: 't' },
    appVersion: '0.1.0',
    host: 'h',
    now: () => new Date('2026-12-08T09:00:00Z'),
  };

  it('records the attempt with reason, comment, patient and request id, and links the outcome', () => {
    const attempt = attemptEvent(ctx, {
      resourceId: 'd3',
      hetu: '010181-900C',
      reason: { code: 'other', comment: 'test run 7' },
      requestId: 'abc',
    });
    expect(attempt.action).toBe('U');
    const document = attempt.entity.find((entity) => entity.detail);
    expect(document?.what.identifier?.value).toBe('DocumentReference/d3');
    expect(document?.detail).toEqual([
      { type: 'reason', valueString: 'other (Other (a description is required))' },
      { type: 'comment', valueString: 'test run 7' },
    ]);
    expect(attempt.entity.some((entity) => entity.what.identifier?.value === '010181-900C')).toBe(
      true,
    );
    expect(attempt.entity.some((entity) => entity.what.identifier?.value === 'urn:uuid:abc')).toBe(
      true,
    );
    const outcome = attemptOutcomeEvent(attempt, 41, 'unknown', 'no answer', ctx.now());
    expect(outcome.outcome).toBe('8');
    expect(stateOfOutcome(outcome)).toBe('unknown');
    expect(outcome.entity.at(-1)?.what.identifier?.value).toBe('41');
    expect(stateOfOutcome(attemptOutcomeEvent(attempt, 41, 'invalidated', 'ok', ctx.now()))).toBe(
      'invalidated',
    );
    expect(stateOfOutcome(attempt)).toBeUndefined();
  });
});
