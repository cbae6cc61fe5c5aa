/** The command line's text views of a preflight and of outcomes (review 10, findings 5 and 11). */
import { describe, expect, it } from 'vitest';
import {
  failureLine,
  formatOutcomes,
  formatPreflight,
  interruptedLine,
} from '../../../../../electron/services/invalidation/format';
import type {
  BatchOutcome,
  PreparedDocument,
  PreparedSet,
} from '../../../../../electron/services/invalidation/types';

const environment = {
  displayName: 'Kanta TK',
  kind: 'TK',
  baseUrl: 'https://tk.example/fhir',
  isTestEnvironment: true,
} as const;

function documentWith(resourceId: string, hetu?: string): PreparedDocument {
  return {
    resourceId,
    title: 'Lab',
    status: 'current',
    ...(hetu ? { hetu } : {}),
    findings: [],
    provenance: {} as PreparedDocument['provenance'],
  };
}

const setOf = (...documents: PreparedDocument[]): PreparedSet => ({
  environment: environment.displayName,
  environmentDetails: environment,
  documents,
  environmentFindings: [],
  isAllowed: true,
  confirmationToken: documents.length === 1 ? (documents[0]?.resourceId ?? '') : 'set-2-abc',
});

describe('formatPreflight', () => {
  it('names the environment in full and the patient, and how to confirm', () => {
    expect(formatPreflight(setOf(documentWith('d1', '010101-900R')))).toBe(
      [
        'Environment: Kanta TK (kind TK, https://tk.example/fhir, test environment: yes)',
        'DocumentReference/d1 "Lab" (current), patient 010101-900R: allowed',
        'Confirm with: --yes',
        '',
      ].join('\n'),
    );
  });

  it('never shows an identity code that is not a 900-series test code', () => {
    const text = formatPreflight(setOf(documentWith('d1', '010101-123N'), documentWith('d2')));
    expect(text).not.toContain('010101-123N');
    expect(text).toContain(
      'DocumentReference/d1 "Lab" (current), patient: not a test identity code (not shown): allowed',
    );
    expect(text).toContain(
      'DocumentReference/d2 "Lab" (current), patient: no identity code: allowed',
    );
    expect(text).toContain('Confirm with: --yes --confirm set-2-abc\n');
  });
});

describe('outcomes', () => {
  const notInvalidated = {
    resourceId: 'd1',
    state: 'not-invalidated',
    message:
      'DocumentReference/d1 not invalidated: the read-back shows status current and no Provenance from this request.',
  } as const;

  it('says "Stopped at" only for a set: one document says it all in its own line', () => {
    const one: BatchOutcome = { outcomes: [notInvalidated], isComplete: false, stoppedAt: 'd1' };
    expect(formatOutcomes(one)).not.toContain('Stopped at');
    expect(failureLine(one)).toBe(notInvalidated.message);
    const set: BatchOutcome = {
      outcomes: [
        notInvalidated,
        { resourceId: 'd2', state: 'not-attempted', message: 'Not sent.' },
      ],
      isComplete: false,
      stoppedAt: 'd1',
    };
    expect(formatOutcomes(set)).toMatch(
      /0 of 2 invalidated\. Stopped at DocumentReference\/d1\.\n$/,
    );
  });

  it('an interrupted run counts what was done, not done and not sent', () => {
    const batch: BatchOutcome = {
      outcomes: [
        { resourceId: 'd0', state: 'invalidated', message: 'ok' },
        notInvalidated,
        { resourceId: 'd2', state: 'not-attempted', message: 'Not sent.' },
      ],
      isComplete: false,
      isInterrupted: true,
    };
    expect(interruptedLine(batch)).toBe(
      'Interrupted: 1 of 3 invalidated (read back), 1 not invalidated or not known, 1 not sent.',
    );
    expect(formatOutcomes(batch)).toMatch(/1 of 3 invalidated\. Interrupted\.\n$/);
  });
});
