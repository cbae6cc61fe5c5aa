import { describe, expect, it } from 'vitest';
import {
  columnById,
  dateSortKey,
  shownDate,
} from '../../../../../renderer/src/table/document-columns';
import { finish, rankSteps } from '../../../../../renderer/src/table/column-ranks';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

const withDate = (date: string) => ({ date }) as DocumentRow;

describe('shownDate', () => {
  it('shows an ISO time with a space for the T, cut after the seconds, with its offset', () => {
    expect(shownDate(withDate('2024-05-06T08:53:11+02:00'))).toBe('2024-05-06 08:53:11 +02:00');
    expect(shownDate(withDate('2024-05-06T08:53:11.250+02:00'))).toBe('2024-05-06 08:53:11 +02:00');
    expect(shownDate(withDate('2024-05-06T08:53:11-05:00'))).toBe('2024-05-06 08:53:11 -05:00');
  });

  it('shows UTC ("Z") as the offset +00:00, as every other zone is shown', () => {
    expect(shownDate(withDate('2024-05-06T06:41:22Z'))).toBe('2024-05-06 06:41:22 +00:00');
    expect(shownDate(withDate('2024-05-06T06:41:22.5Z'))).toBe('2024-05-06 06:41:22 +00:00');
  });

  it('leaves a date or a time without a zone as it was written', () => {
    expect(shownDate(withDate('2024-05-06'))).toBe('2024-05-06');
    expect(shownDate(withDate('2024-05-06T08:53:11'))).toBe('2024-05-06 08:53:11');
    expect(shownDate(withDate(''))).toBe('');
  });
});

describe('the Date column sorts by the instant', () => {
  it('orders times written in different zones in time order', () => {
    const rows = [
      withDate('2024-05-06T08:00:00+02:00'), // 06:00 UTC
      withDate('2024-05-06T07:00:00Z'), // 07:00 UTC
      withDate('2024-05-06T06:30:00Z'), // 06:30 UTC
    ];
    expect(rows.map(dateSortKey)).toEqual([
      '2024-05-06T06:00:00.000Z',
      '2024-05-06T07:00:00.000Z',
      '2024-05-06T06:30:00.000Z',
    ]);
    const { ranks } = finish(rankSteps(rows, columnById.get('date')!));
    expect(Array.from(ranks)).toEqual([0, 2, 1]);
  });

  it('keeps a date it cannot read as written', () => {
    expect(dateSortKey(withDate('not a date'))).toBe('not a date');
  });
});
