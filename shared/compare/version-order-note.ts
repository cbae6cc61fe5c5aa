/**
 * A note when two versions of one series do not say which is older. The Versions tab puts the
 * lower version number on the left (then the earlier date); review 9 (defect 6) found a planted
 * second "version 1", dated a year after version 3, put on the left as the older without a word.
 */
import type { DocumentMetadata, InstanceId } from '../documents/model';
import { readableTime } from './describe-value';
import { instantOf } from '../documents/version-chain-order';

type Versioned = Pick<DocumentMetadata, 'id' | 'setId' | 'versionNumber' | 'effectiveTime'>;

const sameInstance = (a: InstanceId, b: InstanceId) =>
  a.root === b.root && a.extension === b.extension;

/** Two documents (not one document twice, as in AT against TK) of one series. */
function twoOfOneSeries(left: Versioned, right: Versioned): boolean {
  return (
    !sameInstance(left.id, right.id) &&
    left.setId !== undefined &&
    right.setId !== undefined &&
    sameInstance(left.setId, right.setId)
  );
}

function described(side: 'left' | 'right', document: Versioned): string {
  const time = document.effectiveTime;
  const date = time === undefined ? undefined : (readableTime(time) ?? time);
  return `the ${side} one is version ${document.versionNumber ?? '?'}${date ? `, dated ${date}` : ''}`;
}

/**
 * A sentence when two documents of one series share a version number, or when their dates and
 * numbers disagree on which is older; none otherwise (other documents, or nothing to go by).
 */
export function versionOrderNotes(left: Versioned, right: Versioned): string[] {
  if (!twoOfOneSeries(left, right)) return [];
  const [vl, vr] = [left.versionNumber, right.versionNumber];
  if (vl === undefined || vr === undefined) return [];
  const both = `${described('left', left)}, ${described('right', right)}`;
  if (vl === vr)
    return [
      `Both documents are version ${vl} of the same series (setId ${left.setId!.root}): the version numbers do not say which is older (${both}).`,
    ];
  const [tl, tr] = [instantOf(left.effectiveTime), instantOf(right.effectiveTime)];
  if (tl === undefined || tr === undefined || tl === tr) return [];
  if (vl < vr === tl < tr) return [];
  return [
    `The version numbers and the dates disagree on which document is older: ${both}. The sides follow the version numbers.`,
  ];
}
