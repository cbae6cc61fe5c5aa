/**
 * The stage messages a compare worker posts before its answer, each as a step starts:
 * { id, kind: 'stage', stage }. Main turns them into the phases the compare view shows
 * (compare-phases.ts). They are checked like every other message from the worker: one that is
 * not a well-formed stage of the running comparison is dropped, never passed on.
 */
import type { CompareStage } from '../../../shared/compare/compare-documents';

/** compareDocuments' stages (a record, so that a stage added there must be added here). */
const documentStages: Readonly<Record<CompareStage, true>> = {
  metadata: true,
  canonical: true,
  lineDiff: true,
  contentChanges: true,
  changeList: true,
};

/** Reading (parsing) a side starts or ends, a compareDocuments stage starts, or the narratives' diff. */
export type CompareWorkerStage =
  'reading-left' | 'left-read' | 'reading-right' | 'right-read' | CompareStage | 'narrative';

const sideStages: ReadonlySet<string> = new Set([
  'reading-left',
  'left-read',
  'reading-right',
  'right-read',
  'narrative',
]);

export interface StageMessage {
  readonly id: number;
  readonly kind: 'stage';
  readonly stage: CompareWorkerStage;
}

/** Where the worker's code tells its stages (the worker posts them; tests collect them). */
export type OnWorkerStage = (stage: CompareWorkerStage) => void;

/** True for a message that calls itself a stage message, well-formed or not. */
export function isStageLike(message: unknown): boolean {
  return (message as { kind?: unknown } | null)?.kind === 'stage';
}

/** True for a well-formed stage message of comparison `id`. */
export function isStageMessage(message: unknown, id: number): message is StageMessage {
  if (!isStageLike(message)) return false;
  const { id: of, stage } = message as { id?: unknown; stage?: unknown };
  return (
    of === id &&
    typeof stage === 'string' &&
    (sideStages.has(stage) || Object.hasOwn(documentStages, stage))
  );
}
