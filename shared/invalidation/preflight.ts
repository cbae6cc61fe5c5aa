/**
 * The checks before an invalidation is allowed (issue 5, "Invalidation"): only in a profile
 * marked as a test environment; never inside the fault-testing window (or any other outage the
 * calendar knows); every identity code in the document a valid 900-series test code; the
 * document not already invalidated. Pure: the caller gathers the profile, the calendar state, the
 * clock and the document's metadata, and shows every finding at once.
 */
import type { CalendarState, CalendarWindow } from '../environments/calendar';
import { toHelsinki } from '../environments/helsinki-time';
import type { EnvironmentProfile } from '../environments/profile';
import type { IdentityCodeFinding } from '../identity/scan';

export type PreflightFindingCode =
  | 'not-test-environment'
  | 'fault-testing-window'
  | 'outage-window'
  | 'maintenance-window'
  | 'non-test-identity-code'
  | 'already-invalidated'
  /** An earlier attempt on the document whose outcome is unknown or was never recorded. */
  | 'open-attempt'
  /** An AT or TK profile without an operator: the Provenance names the application. */
  | 'no-operator';

/** `block` refuses the invalidation; `warning` is shown and does not. */
export interface PreflightFinding {
  readonly code: PreflightFindingCode;
  readonly severity: 'block' | 'warning';
  readonly message: string;
  /** Where in the document, for identity codes. */
  readonly where?: string;
}

/** What preflight needs to know about one document. */
export interface InvalidationSubject {
  readonly resourceId: string;
  /** DocumentReference.status as the environment reports it now. */
  readonly status: string;
  readonly title?: string;
  /** Every identity code found in the DocumentReference and the document it carries. */
  readonly identityCodes: readonly IdentityCodeFinding[];
}

export interface PreflightInput {
  readonly profile: Pick<EnvironmentProfile, 'displayName' | 'isTestEnvironment'>;
  readonly calendarState: CalendarState;
  readonly now: Date;
  /** Absent when only the environment is checked (before any document is read). */
  readonly subject?: InvalidationSubject;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `d.m.yyyy HH:MM` in Finnish time, as the calendar's own descriptions speak. */
export function finnishTime(instant: Date): string {
  const local = toHelsinki(instant);
  return `${local.day}.${local.month}.${local.year} ${pad(local.hour)}:${pad(local.minute)}`;
}

function windowText(window: CalendarWindow): string {
  const ends = finnishTime(new Date(window.endsAt));
  return `${window.description} It lasts until ${ends} Finnish time.`;
}

function block(code: PreflightFindingCode, message: string, where?: string): PreflightFinding {
  return { code, severity: 'block', message, ...(where === undefined ? {} : { where }) };
}

/** Findings about the environment alone: its test flag and the calendar at `now`. */
export function environmentFindings(input: PreflightInput): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const { profile, calendarState } = input;
  if (!profile.isTestEnvironment)
    findings.push(
      block(
        'not-test-environment',
        `${profile.displayName} is not marked as a test environment; Archivist invalidates documents only in test environments.`,
      ),
    );
  for (const window of calendarState.activeWindows) {
    if (window.kind === 'fault-testing')
      findings.push(
        block(
          'fault-testing-window',
          `Invalidation is not allowed during the fault-testing window: ${windowText(window)}`,
        ),
      );
    else if (window.isOutage)
      findings.push(
        block(
          'outage-window',
          `${profile.displayName} is in an outage window: ${windowText(window)}`,
        ),
      );
    else if (window.kind === 'maintenance')
      findings.push({
        code: 'maintenance-window',
        severity: 'warning',
        message: `Maintenance window: ${windowText(window)} An answer may be lost; Archivist reads the document back either way.`,
      });
  }
  return findings;
}

function identityFindings(subject: InvalidationSubject): PreflightFinding[] {
  // The value itself is left out: a non-test code may be a real person's identity code.
  return subject.identityCodes
    .filter((code) => !code.valid || !code.isTestCode)
    .map((code) => {
      const why = code.valid
        ? 'a real person’s identity code (individual number below 900), not a test code'
        : `not a valid identity code (${code.problem ?? 'malformed'})`;
      return block(
        'non-test-identity-code',
        `The identity code at ${code.where} is ${why}; only documents of 900-series test identities may be invalidated.`,
        code.where,
      );
    });
}

/** Every finding for one document (environment findings included). */
export function preflight(input: PreflightInput): readonly PreflightFinding[] {
  const findings = environmentFindings(input);
  const { subject } = input;
  if (!subject) return findings;
  if (subject.status === 'entered-in-error')
    findings.push(
      block(
        'already-invalidated',
        `DocumentReference/${subject.resourceId} is already invalidated (status entered-in-error).`,
      ),
    );
  findings.push(...identityFindings(subject));
  return findings;
}

/** True when nothing in `findings` refuses the invalidation. */
export function isAllowed(findings: readonly PreflightFinding[]): boolean {
  return findings.every((finding) => finding.severity !== 'block');
}
