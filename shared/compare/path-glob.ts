/**
 * Glob patterns over change paths, for ignore rules. Canonical paths use `/` (`**` any number of
 * elements, `*` any text inside one name, `@NAME` an attribute); model paths use `.` with array
 * indexes dropped (`signatures.**`, `localHeader.declaredTime`). A rule covers the whole subtree
 * of what it names, so `signatures` hides every signature field.
 */

/** A compiled pattern: its segments, each a literal or a wildcard regex. */
export interface PathPattern {
  readonly segments: readonly (string | RegExp)[];
}

function segmentMatcher(segment: string): string | RegExp {
  if (segment === '**' || !segment.includes('*')) return segment;
  const escaped = segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*');
  return new RegExp(`^${escaped}$`);
}

/** Splits a pattern or path into segments; canonical ones by '/', model ones by '.'. */
export function splitPath(path: string, kind: 'canonical' | 'model'): string[] {
  const stripped = path.replace(/\[[^\]]*\]/g, '');
  return kind === 'canonical'
    ? stripped.split('/').filter((s) => s !== '')
    : stripped.split('.').filter((s) => s !== '');
}

/** Compiles a pattern once. */
export function compilePattern(pattern: string, kind: 'canonical' | 'model'): PathPattern {
  return { segments: splitPath(pattern, kind).map(segmentMatcher) };
}

function segmentMatches(matcher: string | RegExp, segment: string): boolean {
  return typeof matcher === 'string' ? matcher === segment : matcher.test(segment);
}

/** True when the pattern names the path or one of its ancestors (a rule covers a subtree). */
export function patternCovers(pattern: PathPattern, path: readonly string[]): boolean {
  const { segments } = pattern;
  // Positions reachable in the pattern after consuming i path segments (a small NFA).
  let states = new Set<number>([0]);
  const close = (set: Set<number>): Set<number> => {
    for (const state of [...set]) {
      let at = state;
      while (segments[at] === '**') set.add(++at);
    }
    return set;
  };
  states = close(states);
  for (const segment of path) {
    if ([...states].some((state) => state === segments.length)) return true;
    const next = new Set<number>();
    for (const state of states) {
      const matcher = segments[state];
      if (matcher === undefined) continue;
      if (matcher === '**') {
        next.add(state);
        next.add(state + 1);
      } else if (segmentMatches(matcher, segment)) next.add(state + 1);
    }
    if (next.size === 0) return false;
    states = close(next);
  }
  return [...states].some((state) => state === segments.length);
}
