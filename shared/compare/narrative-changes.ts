/**
 * The narrative of two aligned sections, as change list items (issue 7, "CDA-aware change list"):
 * its lines diffed, and each changed, added or removed line one item; a line that only moved is
 * one item of its own.
 */
import type { NarrativeLine } from './cda-facts';
import type { ChangeListSink } from './change-list-items';
import { diffLineArrays, type ChangeBlock } from './line-diff';

/**
 * Narrative lines the line diff removed on the left and added, with the same text, on the right:
 * left index → right index, and the right index j noted as -1 - j (the two never collide).
 */
function narrativeMoves(
  left: readonly NarrativeLine[],
  right: readonly NarrativeLine[],
  blocks: readonly ChangeBlock[],
): Map<number, number> {
  const addedByText = new Map<string, number[]>();
  for (const block of blocks)
    for (let j = block.rightStart; j < block.rightEnd; j++) {
      const text = right[j]!.text;
      const same = addedByText.get(text);
      if (same) same.push(j);
      else addedByText.set(text, [j]);
    }
  const moves = new Map<number, number>();
  for (const block of blocks)
    for (let i = block.leftStart; i < block.leftEnd; i++) {
      const to = addedByText.get(left[i]!.text)?.shift();
      if (to === undefined) continue;
      moves.set(i, to);
      moves.set(-1 - to, i);
    }
  return moves;
}

/** Adds to `sink` an item for each narrative line of section `name` that differs. */
export function addNarrativeChanges(
  sink: ChangeListSink,
  name: string,
  left: readonly NarrativeLine[],
  right: readonly NarrativeLine[],
): void {
  const diff = diffLineArrays(
    left.map((line) => line.text),
    right.map((line) => line.text),
  );
  const moves = narrativeMoves(left, right, diff.blocks);
  for (const block of diff.blocks) {
    // A line that reappears unchanged elsewhere in the narrative moved: one item, named where it
    // left (two swapped paragraphs are two moves, not two removals and two additions).
    const removed: number[] = [];
    for (let i = block.leftStart; i < block.leftEnd; i++) {
      const to = moves.get(i);
      if (to === undefined) removed.push(i);
      else sink.narrativeLine(name, left[i], right[to], 'moved');
    }
    const added: number[] = [];
    for (let j = block.rightStart; j < block.rightEnd; j++) if (!moves.has(-1 - j)) added.push(j);
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) sink.narrativeLine(name, left[removed[k]!], right[added[k]!]);
    for (let k = paired; k < removed.length; k++)
      sink.narrativeLine(name, left[removed[k]!], undefined);
    for (let k = paired; k < added.length; k++)
      sink.narrativeLine(name, undefined, right[added[k]!]);
  }
}
