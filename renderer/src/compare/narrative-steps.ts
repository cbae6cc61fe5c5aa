/**
 * Stepping through the Narrative mode's differing sections with F7 / Shift+F7 and n / p, as the
 * content diff steps through its changes (issue 7 review: Narrative mode had no way to go from
 * one difference to the next). From the last it wraps to the first, and back.
 */

/** The row index of the next (1) or previous (-1) differing section, or -1 when none differs. */
export function nextDiffering(
  differing: readonly number[],
  current: number,
  direction: 1 | -1,
): number {
  if (differing.length === 0) return -1;
  if (direction > 0) return differing.find((index) => index > current) ?? differing[0]!;
  for (let k = differing.length - 1; k >= 0; k--) if (differing[k]! < current) return differing[k]!;
  return differing[differing.length - 1]!;
}
