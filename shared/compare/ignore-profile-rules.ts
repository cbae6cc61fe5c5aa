/**
 * The rules of an ignore profile file, validated, and what is wrong with each. Every message
 * names a rule the same way (issue 7 new-user review): `rule "signatures"` by its id when it has
 * a valid one, else `rule 3` by its place in the file, so a tester can search for what is named.
 */
import type { IgnoreRule } from './ignore-profile';
import { patternProblem } from './ignore-rule-pattern';

/** Profile and rule ids: what `--ignore` and the "hidden by rule R" lines name. */
export const ignoreIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

const ruleKeys = new Set(['id', 'target', 'pattern', 'reason']);

type Raw = Record<string, unknown>;

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function unknownKey(value: Raw, allowed: ReadonlySet<string>): string | undefined {
  return Object.keys(value).find((key) => !allowed.has(key));
}

export function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= maxLength;
}

/** A rule's valid id, if it has one. */
function ruleId(raw: unknown): string | undefined {
  return isObject(raw) && typeof raw.id === 'string' && ignoreIdPattern.test(raw.id)
    ? raw.id
    : undefined;
}

/** How messages name a rule: `rule "id"`, or `rule N` (1-based) when it has no valid id. */
export function ruleName(id: string | undefined, index: number): string {
  return id === undefined ? `rule ${index + 1}` : `rule "${id}"`;
}

/** A rule, or the rest of a sentence saying what is wrong with it (`rule "x" needs …`). */
function parseRule(raw: unknown, index: number): IgnoreRule | string {
  const named = ruleName(ruleId(raw), index);
  if (!isObject(raw)) return `${named} must be an object.`;
  const extra = unknownKey(raw, ruleKeys);
  if (extra !== undefined) return `${named} has an unknown field "${extra}".`;
  if (typeof raw.id !== 'string' || !ignoreIdPattern.test(raw.id))
    return `${named} needs an "id" of lowercase letters, digits and dashes.`;
  if (raw.target !== 'model' && raw.target !== 'canonical')
    return `${named} needs "target": "model" or "canonical".`;
  if (!isText(raw.pattern, 500) || /\s/.test(raw.pattern))
    return `${named} needs a "pattern" without spaces.`;
  if (raw.target === 'model' && raw.pattern.includes('/'))
    return `${named} is a model rule: its pattern uses dots, not slashes.`;
  const problem = patternProblem(raw.target, raw.pattern);
  if (problem !== undefined) return `${named} ${problem}`;
  if (!isText(raw.reason, 500)) return `${named} needs a "reason" a tester can read.`;
  return { id: raw.id, target: raw.target, pattern: raw.pattern, reason: raw.reason };
}

/**
 * The valid rules, with what is wrong with each other rule added to `problems`. A duplicate id
 * is found among every rule that has one, valid or not, so it is named with the other problems
 * instead of only once those are fixed.
 */
export function parseRules(raw: readonly unknown[], problems: string[]): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const uses = new Map<string, number>();
  for (const [index, entry] of raw.entries()) {
    const rule = parseRule(entry, index);
    if (typeof rule === 'string') problems.push(rule);
    else rules.push(rule);
    const id = ruleId(entry);
    if (id !== undefined) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  for (const [id, count] of uses)
    if (count > 1) problems.push(`${count} rules have the id "${id}": give each its own.`);
  return rules;
}

/** The valid ids of the rules of a profile file, valid rules or not (for checks against bases). */
export function ruleIdsOf(raw: readonly unknown[]): string[] {
  return raw.map(ruleId).filter((id): id is string => id !== undefined);
}
