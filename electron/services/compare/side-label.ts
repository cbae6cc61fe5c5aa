/**
 * How headings and side boxes name a compared side (review 9, defect 12): by its version and
 * where it is ("version 3 · Kanta TK"), not by a resource id ("seed-doc-50") or a file's hash
 * name, which say nothing to a tester; the view keeps the id visible beside it as secondary text.
 * Without a version number the side is named as before, by where it is and its id.
 */

/**
 * `place` is the environment's report name or "file NAME"; `fallback` the id-based name used
 * when the document has no version number.
 */
export function sideLabel(place: string, fallback: string, versionNumber?: number): string {
  return versionNumber === undefined ? fallback : `version ${versionNumber} · ${place}`;
}
