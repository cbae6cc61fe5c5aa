/**
 * The phases a comparison reports (compare-phases.ts): reading per side, "both" while a helper
 * reads the right side beside the compare worker, then the comparing steps; each phase once.
 * Then the real worker threads, in both ways of reading.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareInWorker } from '../../../../../electron/services/compare/compare-in-worker';
import { comparePhases } from '../../../../../electron/services/compare/compare-phases';
import type { CompareWorkerStage } from '../../../../../electron/services/compare/compare-worker-stages';
import { closeXmlWorkers } from '../../../../../electron/services/xml';
import { noIgnoreProfile } from '../../../../../shared/compare/ignore-profile';
import type { ComparePhase } from '../../../../../shared/ipc/compare-progress';
import { syntheticCda } from '../../../../bench/synthetic-cda';
import { leftXml, rightXml } from '../report/report-fixture-documents';

afterAll(async () => {
  await closeXmlWorkers();
});

const sizes = { left: 2_000_000, right: 3_000_000 };
const bothRead = {
  kind: 'reading',
  sides: [
    { side: 'left', byteSize: 2_000_000 },
    { side: 'right', byteSize: 3_000_000 },
  ],
} as const;
const reading = (side: 'left' | 'right') =>
  ({ kind: 'reading', sides: [{ side, byteSize: sizes[side] }] }) as const;
const step = (name: string) => ({ kind: 'comparing', step: name });

function phasesOf(stages: readonly CompareWorkerStage[], isRightReadElsewhere: boolean) {
  const phases: ComparePhase[] = [];
  const onStage = comparePhases(sizes, isRightReadElsewhere, (phase) => phases.push(phase));
  for (const stage of stages) onStage(stage);
  return phases;
}

const compareStages: CompareWorkerStage[] = [
  'metadata',
  'canonical',
  'lineDiff',
  'contentChanges',
  'changeList',
  'narrative',
];
const comparingSteps = ['metadata', 'canonical', 'lines', 'change-list', 'narrative'].map(step);

describe('comparePhases', () => {
  it('reads one side after the other in one worker, then tells each comparing step once', () => {
    const stages: CompareWorkerStage[] = [
      'reading-left',
      'left-read',
      'reading-right',
      'right-read',
    ];
    expect(phasesOf([...stages, ...compareStages], false)).toEqual([
      reading('left'),
      reading('right'),
      ...comparingSteps,
    ]);
  });

  it('reads both sides at once with a helper, then the side still being read', () => {
    expect(phasesOf(['reading-left', 'left-read', 'right-read', 'metadata'], true)).toEqual([
      bothRead,
      reading('right'),
      step('metadata'),
    ]);
    expect(phasesOf(['reading-left', 'right-read', 'left-read', 'metadata'], true)).toEqual([
      bothRead,
      reading('left'),
      step('metadata'),
    ]);
  });

  it('does not say the helper still reads a right side it has already answered', () => {
    expect(phasesOf(['right-read', 'reading-left', 'left-read'], true)).toEqual([reading('left')]);
  });
});

describe('compareInWorker phases', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const run = async (parallelReadMinBytes: number, texts = [leftXml, rightXml]) => {
    const phases: ComparePhase[] = [];
    const [left, right] = texts.map(bytes) as [Uint8Array, Uint8Array];
    const result = await compareInWorker(left, right, {
      profile: noIgnoreProfile,
      narrative: true,
      parallelReadMinBytes,
      onPhase: (phase) => phases.push(phase),
    });
    expect(result.ok).toBe(true);
    return { phases, sizes: { left: left.byteLength, right: right.byteLength } };
  };

  it('come from the worker thread in order, the sides read one after the other', async () => {
    const { phases, sizes: size } = await run(Number.MAX_SAFE_INTEGER);
    expect(phases).toEqual([
      { kind: 'reading', sides: [{ side: 'left', byteSize: size.left }] },
      { kind: 'reading', sides: [{ side: 'right', byteSize: size.right }] },
      ...comparingSteps,
    ]);
  });

  it('say both sides are read at once when a second worker reads the right one', async () => {
    // A right side that takes the helper a while, so that the compare worker has surely started
    // on the left one before the helper answers.
    const texts = [leftXml, syntheticCda(1_000_000, 'structured', 2)];
    const { phases, sizes: size } = await run(0, texts);
    expect(phases[0]).toEqual({
      kind: 'reading',
      sides: [
        { side: 'left', byteSize: size.left },
        { side: 'right', byteSize: size.right },
      ],
    });
    expect(phases.slice(-comparingSteps.length)).toEqual(comparingSteps);
  });
});
