/**
 * ISO object identifier (OID) syntax, as used in CDA `@root` values: dot-separated non-negative
 * integers without leading zeros, first arc 0, 1 or 2, second arc below 40 under arcs 0 and 1
 * (ITU-T X.660). HL7 limits an OID root to 64 characters in some profiles, but real documents
 * exceed it, so length is not checked here.
 */

/** Why a string is not an OID; undefined when it is one. */
export type OidProblem = 'empty' | 'syntax' | 'leading-zero' | 'first-arc' | 'second-arc';

/** Checks the syntax of an OID and names the first problem. */
export function checkOid(value: string): OidProblem | undefined {
  if (value === '') return 'empty';
  if (!/^\d+(\.\d+)+$/.test(value)) return 'syntax';
  const arcs = value.split('.');
  if (arcs.some((arc) => arc.length > 1 && arc.startsWith('0'))) return 'leading-zero';
  const first = Number(arcs[0]);
  if (first > 2) return 'first-arc';
  if (first < 2 && Number(arcs[1]) >= 40) return 'second-arc';
  return undefined;
}

/** True when `value` is a syntactically valid OID. */
export function isOid(value: string): boolean {
  return checkOid(value) === undefined;
}

/** True when `value` is a UUID in the 8-4-4-4-12 hex form (CDA allows UUID roots too). */
export function isUuid(value: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(
    value,
  );
}
