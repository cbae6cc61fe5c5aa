/**
 * An ignore profile among the profiles it extends: the chain `extends` leads to, and what is
 * wrong with a tester's own profile file among the shipped ones.
 */
import type { IgnoreProfile } from './ignore-profile';
import { ignoreIdPattern, ruleIdsOf } from './ignore-profile-rules';

/** The profiles `extends` leads to, the furthest first, or what is wrong with the chain. */
export function baseChain(
  id: string | undefined,
  base: string | undefined,
  known: readonly IgnoreProfile[],
): IgnoreProfile[] | string {
  const chain: IgnoreProfile[] = [];
  const seen = new Set(id === undefined ? [] : [id]);
  for (let next = base; next !== undefined;) {
    if (seen.has(next)) return `"extends" goes round in a circle through "${next}".`;
    seen.add(next);
    const found = known.find((candidate) => candidate.id === next);
    if (!found) {
      const ids = known.map((candidate) => candidate.id).join(', ');
      return `it extends "${next}", which is not a known profile (known: ${ids}).`;
    }
    chain.unshift(found);
    next = found.extends;
  }
  return chain;
}

/** A problem for each rule id used twice along the chain: by two bases, or by one and `ownIds`. */
export function ruleIdsTakenFromBases(
  ownIds: readonly string[],
  chain: readonly IgnoreProfile[],
): string[] {
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const base of chain)
    for (const rule of base.rules) {
      const owner = owners.get(rule.id);
      if (owner !== undefined)
        problems.push(`rule "${rule.id}" is in both "${owner}" and "${base.id}".`);
      owners.set(rule.id, base.id);
    }
  for (const ruleId of ownIds) {
    const owner = owners.get(ruleId);
    if (owner !== undefined)
      problems.push(
        `rule "${ruleId}" is also a rule of "${owner}", which it extends: give it an id of its own.`,
      );
  }
  return problems;
}

/**
 * What is wrong with a tester's own profile among the shipped ones: an id a shipped profile has
 * (reports would name it as the shipped one, with only the hash differing), an unknown or
 * circular `extends`, a rule id a base has. Checked with the file's other problems, so one
 * message names them all (issue 7 new-user review).
 */
export function problemsAmongShipped(
  raw: Record<string, unknown>,
  shipped: readonly IgnoreProfile[],
): string[] {
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  const problems: string[] = [];
  const isShippedId = shipped.some((profile) => profile.id === id);
  if (isShippedId)
    problems.push(`its id "${id}" is the id of a shipped profile: give it an id of its own.`);
  if (typeof raw.extends !== 'string' || !ignoreIdPattern.test(raw.extends)) return problems;
  // A shipped id is already named above; extending that profile is then no circle of its own.
  const chain = baseChain(isShippedId ? undefined : id, raw.extends, shipped);
  if (typeof chain === 'string') return [...problems, chain];
  const ownIds = Array.isArray(raw.rules) ? ruleIdsOf(raw.rules) : [];
  return [...problems, ...ruleIdsTakenFromBases(ownIds, chain)];
}
