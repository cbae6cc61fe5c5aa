/**
 * Comparable string keys for HL7 instance identifiers. Two ids are the same id when root and
 * extension are equal; a nullFlavor id (root '') has the empty key and never matches anything.
 */
import type { Brand, InstanceId } from './model';

/** `root^extension` of an id; '' for an id without a root. */
export type IdKey = Brand<string, 'IdKey'>;

/** The comparison key of an id. */
export function idKey(id: InstanceId): IdKey {
  if (id.root === '') return '' as IdKey;
  return (id.extension === undefined ? id.root : `${id.root}^${id.extension}`) as IdKey;
}

/** True when both ids have a root and the same root and extension. */
export function sameId(a: InstanceId, b: InstanceId): boolean {
  const key = idKey(a);
  return key !== '' && key === idKey(b);
}
