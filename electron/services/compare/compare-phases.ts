/**
 * Turns a comparison's worker stages into the phases the compare view shows
 * (shared/ipc/compare-progress.ts). Reading is told per side, because a large right side is read
 * by a helper while the compare worker reads the left one: "reading both" until one is done, then
 * the side still being read. Each phase is told once, when it starts.
 */
import type { CompareStage } from '../../../shared/compare/compare-documents';
import type { ComparePhase, CompareStep, ReadSide } from '../../../shared/ipc/compare-progress';
import type { CompareWorkerStage, OnWorkerStage } from './compare-worker-stages';

type Side = 'left' | 'right';

/** compareDocuments' stages as the view names them: the line diff and its changes are one step. */
const stepOf: Readonly<Record<CompareStage | 'narrative', CompareStep>> = {
  metadata: 'metadata',
  canonical: 'canonical',
  lineDiff: 'lines',
  contentChanges: 'lines',
  changeList: 'change-list',
  narrative: 'narrative',
};

const sideReads: Readonly<Record<string, { side: Side; isStart: boolean }>> = {
  'reading-left': { side: 'left', isStart: true },
  'left-read': { side: 'left', isStart: false },
  'reading-right': { side: 'right', isStart: true },
  'right-read': { side: 'right', isStart: false },
};

/**
 * A stage listener that tells `report` each new phase. With `isRightReadElsewhere`, the right side
 * is read by the helper from the moment the compare worker starts on the left one, until the
 * helper's 'right-read'.
 */
export function comparePhases(
  sizes: Readonly<Record<Side, number>>,
  isRightReadElsewhere: boolean,
  report: (phase: ComparePhase) => void,
): OnWorkerStage {
  const reading = new Set<Side>();
  const done = new Set<Side>();
  let last = '';
  const tell = (phase: ComparePhase): void => {
    const key = JSON.stringify(phase);
    if (key === last) return;
    last = key;
    report(phase);
  };
  return (stage: CompareWorkerStage) => {
    const read = sideReads[stage];
    if (!read) {
      reading.clear();
      tell({ kind: 'comparing', step: stepOf[stage as CompareStage | 'narrative'] });
      return;
    }
    if (read.isStart) {
      reading.add(read.side);
      if (isRightReadElsewhere && read.side === 'left' && !done.has('right')) reading.add('right');
    } else {
      reading.delete(read.side);
      done.add(read.side);
    }
    const sides: ReadSide[] = (['left', 'right'] as const)
      .filter((side) => reading.has(side))
      .map((side) => ({ side, byteSize: sizes[side] }));
    // Between two reads (or once both are read) the next stage is a moment away: nothing to tell.
    if (sides.length > 0) tell({ kind: 'reading', sides });
  };
}
