/**
 * The compare view's phase line: the phase in words, sizes as a tester reads them, environments
 * by display name, and a live region that holds the phase only (never the ticking seconds).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatByteSize } from '../../../../../renderer/src/compare/byte-size';
import {
  comparePhaseText,
  startingText,
} from '../../../../../renderer/src/compare/compare-phase-text';
import { CompareProgress } from '../../../../../renderer/src/compare/compare-progress';

const at = (profileId: string, side: 'left' | 'right') => ({ side, profileId, resourceId: 'd-1' });

describe('comparePhaseText', () => {
  it('says what the whole comparison does before the first phase', () => {
    expect(comparePhaseText(undefined)).toBe(startingText);
  });

  it('names the environments being fetched from, by display name when known', () => {
    const names = new Map([
      ['at', 'Kanta AT'],
      ['tk', 'Kanta TK'],
    ]);
    const fetching = (...sides: ReturnType<typeof at>[]) => ({ kind: 'fetching', sides }) as const;
    expect(comparePhaseText(fetching(at('at', 'right')), names)).toBe(
      'Fetching the right document from Kanta AT…',
    );
    expect(comparePhaseText(fetching(at('at', 'left'), at('at', 'right')), names)).toBe(
      'Fetching both documents from Kanta AT…',
    );
    expect(comparePhaseText(fetching(at('at', 'left'), at('tk', 'right')), names)).toBe(
      'Fetching the left document from Kanta AT and the right one from Kanta TK…',
    );
    expect(comparePhaseText(fetching(at('at', 'left')))).toBe(
      'Fetching the left document from at…',
    );
  });

  it('says which side is read and how large it is', () => {
    const read = (...sizes: [side: 'left' | 'right', byteSize: number][]) =>
      ({ kind: 'reading', sides: sizes.map(([side, byteSize]) => ({ side, byteSize })) }) as const;
    expect(comparePhaseText(read(['right', 20_001_116]))).toBe(
      'Reading the right document (20 MB)…',
    );
    expect(comparePhaseText(read(['left', 20_001_116], ['right', 20_191_553]))).toBe(
      'Reading both documents (20 MB each)…',
    );
    expect(comparePhaseText(read(['left', 2_400_000], ['right', 812_000]))).toBe(
      'Reading both documents (left 2.4 MB, right 812 KB)…',
    );
  });

  it('names each comparing step', () => {
    const texts = (['metadata', 'canonical', 'lines', 'change-list', 'narrative'] as const).map(
      (step) => comparePhaseText({ kind: 'comparing', step }),
    );
    expect(texts).toEqual([
      'Comparing the metadata…',
      'Writing both documents in canonical form…',
      'Comparing the lines…',
      'Listing the changes by section and entry…',
      'Comparing the narratives…',
    ]);
  });
});

describe('formatByteSize', () => {
  it('reads as bytes, kilobytes and megabytes', () => {
    expect(
      [1, 999, 1000, 999_499, 999_500, 3_449_000, 9_960_000, 52_428_800].map(formatByteSize),
    ).toEqual(['1 byte', '999 bytes', '1 KB', '999 KB', '1.0 MB', '3.4 MB', '10 MB', '52 MB']);
  });
});

describe('CompareProgress', () => {
  it('shows the phase, keeps it out of the live region until it settles, and the seconds out of it', () => {
    const html = renderToStaticMarkup(
      <CompareProgress
        phaseText="Reading the right document (20 MB)…"
        onCancel={() => undefined}
      />,
    );
    expect(html).toContain(
      '<span class="compare-phase" aria-hidden="true">Reading the right document (20 MB)…</span>',
    );
    expect(html).toContain('<span role="status" class="compare-phase-announced"></span>');
    expect(html).toContain('>Cancel</button>');
  });
});
