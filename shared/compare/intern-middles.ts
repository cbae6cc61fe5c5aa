/**
 * The line diff's ids (see line-diff.ts): the changed middles of two lists of lines interned
 * into id arrays over one dictionary, so the diff compares numbers, not strings.
 */

/** Interns `count` lines of each list from `head` on into id arrays over one dictionary. */
export function internMiddles(
  left: readonly string[],
  right: readonly string[],
  head: number,
  n: number,
  m: number,
): { a: Int32Array; b: Int32Array; distinct: number } {
  const ids = new Map<string, number>();
  const a = new Int32Array(n);
  const b = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const line = left[head + i]!;
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    }
    a[i] = id;
  }
  // Most right lines stand where the left's did, give or take the lines inserted or deleted so
  // far: the left line at the same offset is tried first, as one string comparison, and only a
  // line not found there is looked up (hashing it). A line unique on the left gives the new
  // offset; a repeated one (`</td>`) could stand anywhere, so it leaves the offset as it is.
  const leftDistinct = ids.size;
  const uniqueAt = new Int32Array(leftDistinct).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = a[i]!;
    uniqueAt[id] = uniqueAt[id] === -1 ? i : -2;
  }
  let offset = 0;
  for (let j = 0; j < m; j++) {
    const line = right[head + j]!;
    const k = j + offset;
    if (k >= 0 && k < n && left[head + k] === line) {
      b[j] = a[k]!;
      continue;
    }
    let id = ids.get(line);
    if (id === undefined) {
      id = ids.size;
      ids.set(line, id);
    } else if (id < leftDistinct && uniqueAt[id]! >= 0) offset = uniqueAt[id]! - j;
    b[j] = id;
  }
  return { a, b, distinct: ids.size };
}
