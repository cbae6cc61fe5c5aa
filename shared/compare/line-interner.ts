/**
 * Line ids for the line diff (issue 7): one dictionary of lines shared by both sides of a
 * comparison, so equal lines get equal ids and the diff compares numbers, not strings.
 */

/**
 * One dictionary of lines → ids, filled as lines are made (the canonical writer interns each line
 * as it writes it, so no second pass hashes them). A repeated line is stored once: later copies
 * are dropped young instead of surviving as long as the comparison.
 */
export class LineInterner {
  private readonly ids = new Map<string, number>();
  /** The first instance of each distinct line, by id. */
  private readonly distinctLines: string[] = [];

  /** How many distinct lines so far (every id is below this). */
  get size(): number {
    return this.distinctLines.length;
  }

  /** The id of a line, new or known. */
  intern(line: string): number {
    let id = this.ids.get(line);
    if (id === undefined) {
      id = this.distinctLines.length;
      this.ids.set(line, id);
      this.distinctLines.push(line);
    }
    return id;
  }

  /** The stored instance of an interned line. */
  line(id: number): string {
    return this.distinctLines[id]!;
  }

  /**
   * A new id for a line the caller knows is not interned yet (the canonical writer's text and
   * attribute line tables find repeats themselves, so their lines are never hashed whole).
   */
  add(line: string): number {
    return this.distinctLines.push(line) - 1;
  }
}

/** Interns two line lists into id arrays over one shared dictionary. */
export function internLines(
  left: readonly string[],
  right: readonly string[],
): { a: Int32Array; b: Int32Array; distinct: number } {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  };
  const a = intern(left);
  const b = intern(right);
  return { a, b, distinct: ids.size };
}
