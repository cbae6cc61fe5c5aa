import { describe, expect, it } from 'vitest';
import { diffWords } from '../../../../shared/compare/word-diff';
import { markedRuns, type MarkedRun } from '../../../../shared/compare/word-marks';
import { seededRandom as random } from '../../../../shared/seeded-random';

const spelled = (runs: readonly MarkedRun[]) => runs.map((run) => run.text).join('');
const marked = (runs: readonly MarkedRun[]) =>
  runs.filter((run) => run.isChanged).map((run) => run.text);

describe('markedRuns', () => {
  it('leaves an indentation that changed unmarked and marks the real change (a comment)', () => {
    const left = '                <paragraph>';
    const right = '              <!--<paragraph>-->';
    const words = diffWords(left, right)!;
    expect(markedRuns(words, 'left')).toEqual([{ text: left, isChanged: false }]);
    expect(markedRuns(words, 'right')).toEqual([
      { text: '              ', isChanged: false },
      { text: '<!--', isChanged: true },
      { text: '<paragraph>', isChanged: false },
      { text: '-->', isChanged: true },
    ]);
  });

  it('marks nothing when only the indentation changed', () => {
    const words = diffWords('    <td>x</td>', '  <td>x</td>')!;
    expect(words.some((segment) => segment.kind !== 'equal')).toBe(true);
    expect(marked(markedRuns(words, 'left'))).toEqual([]);
    expect(marked(markedRuns(words, 'right'))).toEqual([]);
  });

  it('splits a changed word from the indentation before it', () => {
    const words = diffWords('    annos', '  määrä')!;
    expect(markedRuns(words, 'left')).toEqual([
      { text: '    ', isChanged: false },
      { text: 'annos', isChanged: true },
    ]);
    expect(markedRuns(words, 'right')).toEqual([
      { text: '  ', isChanged: false },
      { text: 'määrä', isChanged: true },
    ]);
  });

  it('marks exactly the changed characters past the indentation, on 300 random pairs', () => {
    const pieces = [' ', '  ', '\t', '<', '>', '!--', 'a', 'bb', '/', '"'];
    const next = random(11);
    const line = () =>
      Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * 10)]!).join(
        '',
      );
    for (let run = 0; run < 300; run++) {
      const [left, right] = [line(), line()];
      const words = diffWords(left, right)!;
      for (const [side, text, kind] of [
        ['left', left, 'removed'],
        ['right', right, 'added'],
      ] as const) {
        const runs = markedRuns(words, side);
        expect(spelled(runs)).toBe(text);
        const indentation = /^[ \t]*/.exec(text)![0].length;
        const ofSide = words.filter((segment) => segment.kind === 'equal' || segment.kind === kind);
        const changed = mask(ofSide.map((s) => ({ text: s.text, isChanged: s.kind === kind })));
        // The segments' changed characters, except the indentation's.
        expect(mask(runs)).toBe('.'.repeat(indentation) + changed.slice(indentation));
      }
    }
  });
});

/** One character per character of the runs: `x` changed, `.` not. */
function mask(runs: readonly MarkedRun[]): string {
  return runs.map((run) => (run.isChanged ? 'x' : '.').repeat(run.text.length)).join('');
}
