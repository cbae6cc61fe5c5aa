import { describe, expect, it } from 'vitest';
import { shownDate } from '../../../../../renderer/src/table/document-columns';
import type { DocumentRow } from '../../../../../shared/ipc/workspace-types';

const withDate = (date: string) => ({ date }) as DocumentRow;

describe('shownDate', () => {
  it('shows an ISO time with a space for the T, cut after the seconds', () => {
    expect(shownDate(withDate('2024-05-06T08:53:11Z'))).toBe('2024-05-06 08:53:11');
    expect(shownDate(withDate('2024-05-06T08:53:11.250+02:00'))).toBe('2024-05-06 08:53:11');
  });

  it('gives what replacing the first T and cutting at 19 gave, for any text', () => {
    const dates = ['', 'T', 'TT', '2024-05-06', '2024-05-06T08', 'aTbTc', '2024-05-06 08:53:11Z'];
    dates.push('x'.repeat(18) + 'T1', 'x'.repeat(19) + 'T1', 'ääT', '2024-05-06t08:53:11Z');
    for (const date of dates)
      expect([date, shownDate(withDate(date))]).toEqual([
        date,
        date.replace('T', ' ').slice(0, 19),
      ]);
  });
});
