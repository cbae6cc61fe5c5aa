/**
 * One side of a comparison read in another thread and moved to the compare worker: its metadata
 * (small, structured clone) and its tree packed by ../xml/tree-transfer.ts (one transferred
 * Int32Array and one string). Structured clone of a 20 MB document's tree would cost seconds;
 * packing and unpacking cost about a third of reading it again, so reading the right side in a
 * second worker while the compare worker reads the left one saves most of one side's read.
 */
import type { CompareSide } from '../../../shared/compare/compare-documents';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { packTree, unpackTree, type PackedTree } from '../xml/tree-transfer';
import { readForCompare } from './read-for-compare';

/** A side as it crosses threads. */
export interface PackedSide {
  readonly metadata: CompareSide['metadata'];
  readonly tree: PackedTree;
}

/** Reads one side and packs it for postMessage (the caller transfers `tree.ops.buffer`). */
export function readPackedSide(bytes: Uint8Array, side: 'left' | 'right'): Result<PackedSide> {
  const read = readForCompare(bytes, side);
  if (!read.ok) return read;
  return ok({ metadata: read.value.metadata, tree: packTree(read.value.tree) });
}

/** The side again; a typed error when the data is not a packed side (a bug, never the document). */
export function unpackSide(packed: PackedSide): Result<CompareSide> {
  const tree = unpackTree(packed.tree);
  if (!tree || typeof packed.metadata !== 'object' || packed.metadata === null)
    return err('compare-resources', 'The side read in another worker could not be unpacked.');
  return ok({ metadata: packed.metadata, tree });
}

/** What to transfer (not copy) with a read-side answer. */
export function transferListOf(result: Result<PackedSide>): ArrayBuffer[] {
  return result.ok ? [result.value.tree.ops.buffer as ArrayBuffer] : [];
}
