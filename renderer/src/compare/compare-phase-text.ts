/**
 * A comparison's current phase in words, for the line beside its elapsed seconds: "Reading the
 * right document (20 MB)…" (shared/ipc/compare-progress.ts). Before the first phase arrives the
 * line says what the whole comparison does.
 */
import type { ComparePhase, CompareStep } from '../../../shared/ipc/compare-progress';
import { formatByteSize } from './byte-size';

export const startingText = 'Reading and comparing both documents…';

const stepTexts: Readonly<Record<CompareStep, string>> = {
  metadata: 'Comparing the metadata…',
  canonical: 'Writing both documents in canonical form…',
  lines: 'Comparing the lines…',
  'change-list': 'Listing the changes by section and entry…',
  narrative: 'Comparing the narratives…',
};

/** The phase in words; environments by display name when `environmentNames` has them. */
export function comparePhaseText(
  phase: ComparePhase | undefined,
  environmentNames?: ReadonlyMap<string, string>,
): string {
  if (!phase) return startingText;
  if (phase.kind === 'comparing') return stepTexts[phase.step];
  if (phase.kind === 'fetching') {
    const [first, second] = phase.sides.map((side) => ({
      side: side.side,
      from: environmentNames?.get(side.profileId) ?? side.profileId,
    }));
    if (!first) return startingText;
    if (!second) return `Fetching the ${first.side} document from ${first.from}…`;
    return first.from === second.from
      ? `Fetching both documents from ${first.from}…`
      : `Fetching the ${first.side} document from ${first.from} and the ${second.side} one from ${second.from}…`;
  }
  const [first, second] = phase.sides.map((side) => ({
    side: side.side,
    size: formatByteSize(side.byteSize),
  }));
  if (!first) return startingText;
  if (!second) return `Reading the ${first.side} document (${first.size})…`;
  return first.size === second.size
    ? `Reading both documents (${first.size} each)…`
    : `Reading both documents (${first.side} ${first.size}, ${second.side} ${second.size})…`;
}
