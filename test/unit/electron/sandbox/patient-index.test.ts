/**
 * The per-patient date index (patient-index.ts) against a plain sort: filing and refiling in any
 * order must leave both date orders exactly as sorting everything again would.
 */
import { describe, expect, it } from 'vitest';
import {
  buildPatientDateIndex,
  emptyPatientDateIndex,
  fileEntry,
  patientInDateOrder,
  refileEntry,
  type PatientDateIndex,
} from '../../../../electron/sandbox/patient-index';
import type { DocumentEntry } from '../../../../electron/sandbox/store';

/** A small deterministic generator (LCG) so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function entry(sequence: number, patientKey: string | undefined): DocumentEntry {
  return { id: `e${sequence}`, sequence, patientKey, setId: undefined, versions: [] };
}

/** Few distinct dates, so ties (broken by insertion order) are common. */
function someDate(next: () => number): string {
  return next() < 0.1 ? '' : `2024-0${1 + Math.floor(next() * 5)}-01T00:00:00Z`;
}

function sortedIds(dates: Map<DocumentEntry, string>, patientKey: string, direction: 1 | -1) {
  return [...dates]
    .filter(([one]) => one.patientKey === patientKey)
    .sort(([a, dateA], [b, dateB]) =>
      dateA !== dateB ? (dateA < dateB ? -direction : direction) : a.sequence - b.sequence,
    )
    .map(([one]) => one.id);
}

function expectSorted(index: PatientDateIndex, dates: Map<DocumentEntry, string>) {
  for (const patientKey of ['a', 'b']) {
    const ids = (sort: 'date' | '-date') =>
      patientInDateOrder(index, patientKey, sort).map((one) => one.id);
    expect(ids('date')).toEqual(sortedIds(dates, patientKey, 1));
    expect(ids('-date')).toEqual(sortedIds(dates, patientKey, -1));
  }
}

describe('patient date index', () => {
  it('keeps both orders sorted through 300 filings and 300 date changes', () => {
    const next = random(7);
    const index = emptyPatientDateIndex();
    const dates = new Map<DocumentEntry, string>();
    for (let sequence = 1; sequence <= 300; sequence++) {
      const one = entry(sequence, next() < 0.5 ? 'a' : 'b');
      const date = someDate(next);
      dates.set(one, date);
      fileEntry(index, one, date);
    }
    expectSorted(index, dates);
    const all = [...dates.keys()];
    for (let change = 0; change < 300; change++) {
      const one = all[Math.floor(next() * all.length)];
      if (!one) continue;
      const date = someDate(next);
      dates.set(one, date);
      refileEntry(index, one, date);
    }
    expectSorted(index, dates);
  });

  it('builds in one pass the same orders that filing one by one gives', () => {
    const next = random(11);
    const dates = new Map<DocumentEntry, string>();
    const byPatient = new Map<string, DocumentEntry[]>([
      ['a', []],
      ['b', []],
    ]);
    for (let sequence = 1; sequence <= 200; sequence++) {
      const one = entry(sequence, next() < 0.3 ? 'a' : 'b');
      dates.set(one, someDate(next));
      byPatient.get(one.patientKey ?? '')?.push(one);
    }
    expectSorted(
      buildPatientDateIndex(byPatient, (one) => dates.get(one) ?? ''),
      dates,
    );
  });

  it('leaves documents without a patient out, and an unknown patient has no documents', () => {
    const index = emptyPatientDateIndex();
    fileEntry(index, entry(1, undefined), '2024-01-01');
    refileEntry(index, entry(1, undefined), '2024-02-01');
    expect(index.ascending.size).toBe(0);
    expect(patientInDateOrder(index, 'nobody', '-date')).toEqual([]);
  });
});
