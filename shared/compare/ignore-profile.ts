/**
 * Ignore profiles (issue 7, "Ignore profiles"): data, not code. A profile is a list of rules over
 * canonical XML paths or metadata model paths, each with the reason a tester reads when the
 * comparison says "N differences hidden by rule R". Profiles come from JSON files
 * (resources/ignore-profiles/ or the tester's own), so everything here is validated like any other
 * untrusted input; a report names the profile by id and by the hash of its canonical JSON.
 */
import { canonicalJson } from '../audit/canonical';
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import { err, ok, type Result } from '../result';
import { baseChain, problemsAmongShipped, ruleIdsTakenFromBases } from './ignore-profile-bases';
import { ignoreIdPattern, isObject, isText, parseRules, unknownKey } from './ignore-profile-rules';
import { compilePattern, patternCovers, splitPath, type PathPattern } from './path-glob';

/** One rule: what it hides and why. */
export interface IgnoreRule {
  readonly id: string;
  /** `model`: DocumentMetadata paths (`localHeader.declaredTime`); `canonical`: XML paths (`**\/ds:Signature`). */
  readonly target: 'model' | 'canonical';
  readonly pattern: string;
  readonly reason: string;
}

/** Which documents a per-type profile is meant for (matched against the document `code`). */
export interface ProfileScope {
  readonly documentCodes: readonly { readonly codeSystem: string; readonly code?: string }[];
}

export interface IgnoreProfile {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Another profile whose rules come first. */
  readonly extends?: string;
  readonly appliesTo?: ProfileScope;
  readonly rules: readonly IgnoreRule[];
}

/** A profile with `extends` resolved, and the hash reports name it by. */
export interface ResolvedProfile {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly IgnoreRule[];
  /** sha256 of the canonical JSON of the profile and everything it extends. */
  readonly sha256: string;
}

/** The empty profile: nothing hidden. */
export const noIgnoreProfile: ResolvedProfile = resolvedOf(
  { id: 'none', title: 'Nothing hidden', rules: [] },
  [],
);

const profileKeys = new Set(['id', 'title', 'description', 'extends', 'appliesTo', 'rules']);

function invalid<T>(where: string, message: string): Result<T> {
  return err('ignore-profile-invalid', `The ignore profile ${where} is not valid: ${message}`);
}

/** The scope, or what is wrong with it. */
function parseScope(raw: unknown): ProfileScope | string {
  const shape = '"appliesTo" must be { "documentCodes": [{ "codeSystem": …, "code"?: … }] }.';
  if (!isObject(raw) || !Array.isArray(raw.documentCodes)) return shape;
  if (unknownKey(raw, new Set(['documentCodes']))) return shape;
  const codes: { codeSystem: string; code?: string }[] = [];
  for (const entry of raw.documentCodes) {
    if (
      !isObject(entry) ||
      !isText(entry.codeSystem, 200) ||
      (entry.code !== undefined && !isText(entry.code, 200))
    )
      return 'every "documentCodes" entry needs a "codeSystem" (and may have a "code").';
    codes.push(
      typeof entry.code === 'string'
        ? { codeSystem: entry.codeSystem, code: entry.code }
        : { codeSystem: entry.codeSystem },
    );
  }
  return { documentCodes: codes };
}

/** Problems named in one message; a profile with more says how many more there are. */
const maxProblemsShown = 5;

/**
 * Every problem in one sentence: "…: "title" is required; rule "x" needs a "reason" …", so a
 * tester fixes the file once instead of once per problem (issue 7 review).
 */
function allInvalid<T>(where: string, problems: readonly string[]): Result<T> {
  const shown = problems.slice(0, maxProblemsShown).map((problem) => problem.replace(/\.$/, ''));
  const more = problems.length - shown.length;
  const rest = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  return invalid(where, `${shown.join('; ')}${rest}.`);
}

/**
 * Validates a parsed JSON value as an ignore profile; `where` names it in messages (e.g. the
 * file). A tester's own profile is checked against the `shipped` ones too.
 */
export function parseIgnoreProfile(
  raw: unknown,
  where: string,
  shipped?: readonly IgnoreProfile[],
): Result<IgnoreProfile> {
  if (!isObject(raw)) return invalid(where, 'it must be a JSON object.');
  const problems: string[] = [];
  const extra = unknownKey(raw, profileKeys);
  if (extra !== undefined) problems.push(`unknown field "${extra}".`);
  const id = typeof raw.id === 'string' && ignoreIdPattern.test(raw.id) ? raw.id : undefined;
  if (id === undefined) problems.push('"id" must be lowercase letters, digits and dashes.');
  const title = isText(raw.title, 200) ? raw.title : undefined;
  if (title === undefined) problems.push('"title" is required.');
  if (raw.description !== undefined && !isText(raw.description, 2000))
    problems.push('"description" must be text.');
  if (
    raw.extends !== undefined &&
    (typeof raw.extends !== 'string' || !ignoreIdPattern.test(raw.extends))
  )
    problems.push('"extends" must be the id of another profile.');
  if (!Array.isArray(raw.rules)) problems.push('"rules" must be a list.');
  const rules = Array.isArray(raw.rules) ? parseRules(raw.rules, problems) : [];
  const scope = raw.appliesTo === undefined ? undefined : parseScope(raw.appliesTo);
  if (typeof scope === 'string') problems.push(scope);
  if (shipped !== undefined) problems.push(...problemsAmongShipped(raw, shipped));
  // Each of these has added a problem; the compiler needs them checked by name.
  if (problems.length > 0 || id === undefined || title === undefined || typeof scope === 'string')
    return allInvalid(where, problems);
  return ok({
    id,
    title,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    ...(typeof raw.extends === 'string' ? { extends: raw.extends } : {}),
    ...(scope ? { appliesTo: scope } : {}),
    rules,
  });
}

function resolvedOf(profile: IgnoreProfile, chain: readonly IgnoreProfile[]): ResolvedProfile {
  const rules = [...chain.flatMap((base) => base.rules), ...profile.rules];
  return {
    id: profile.id,
    title: profile.title,
    rules,
    sha256: sha256Hex(encodeUtf8(canonicalJson([...chain, profile]))),
  };
}

/** Resolves `extends` against the known profiles (no cycles, no duplicate rule ids). */
export function resolveIgnoreProfile(
  profile: IgnoreProfile,
  known: readonly IgnoreProfile[],
): Result<ResolvedProfile> {
  const chain = baseChain(profile.id, profile.extends, known);
  if (typeof chain === 'string') return invalid(`"${profile.id}"`, chain);
  const taken = ruleIdsTakenFromBases(
    profile.rules.map((rule) => rule.id),
    chain,
  );
  if (taken.length > 0) return allInvalid(`"${profile.id}"`, taken);
  return ok(resolvedOf(profile, chain));
}

/** True when a per-type profile's scope includes a document code. */
export function profileAppliesTo(
  profile: IgnoreProfile,
  code: { readonly code: string; readonly codeSystem: string } | undefined,
): boolean {
  if (!profile.appliesTo) return true;
  return (
    code !== undefined &&
    profile.appliesTo.documentCodes.some(
      (entry) =>
        entry.codeSystem === code.codeSystem &&
        (entry.code === undefined || entry.code === code.code),
    )
  );
}

/** Compiled rules of a resolved profile, ready to match paths. */
export interface RuleMatcher {
  /** The first model rule covering a model path, if any. */
  readonly model: (path: string) => IgnoreRule | undefined;
  /** The first canonical element rule (no `@`) covering an element path, if any. */
  readonly element: (path: string) => IgnoreRule | undefined;
  /** The first attribute rule covering attribute `name` of the element at `path`, if any. */
  readonly attribute: (path: string, name: string) => IgnoreRule | undefined;
  /** False when the profile has no attribute rules, so changed tags need not be parsed. */
  readonly hasAttributeRules: boolean;
}

/** Distinct paths remembered per matcher; past this, lookups are computed again each time. */
const maxMemoisedPaths = 100_000;

/**
 * A path lookup remembered per path: a document repeats the same few hundred element paths tens
 * of thousands of times, and matching one splits it and runs every rule's pattern.
 */
function memoised(
  lookup: (path: string) => IgnoreRule | undefined,
): (path: string) => IgnoreRule | undefined {
  const known = new Map<string, IgnoreRule | null>();
  return (path) => {
    let rule = known.get(path);
    if (rule === undefined) {
      rule = lookup(path) ?? null;
      if (known.size < maxMemoisedPaths) known.set(path, rule);
    }
    return rule ?? undefined;
  };
}

/** Compiles a profile's rules. */
export function compileRules(profile: ResolvedProfile): RuleMatcher {
  const compiled = profile.rules.map((rule) => ({
    rule,
    pattern: compilePattern(rule.pattern, rule.target),
  }));
  const model = compiled.filter((entry) => entry.rule.target === 'model');
  const canonical = compiled.filter((entry) => entry.rule.target === 'canonical');
  const isAttribute = (pattern: PathPattern): boolean => {
    const last = pattern.segments[pattern.segments.length - 1];
    return typeof last === 'string' ? last.startsWith('@') : last?.source.startsWith('^@') === true;
  };
  const elements = canonical.filter((entry) => !isAttribute(entry.pattern));
  const attributes = canonical.filter((entry) => isAttribute(entry.pattern));
  const first = (entries: typeof compiled, segments: string[]) =>
    entries.find((entry) => patternCovers(entry.pattern, segments))?.rule;
  return {
    model: memoised((path) => first(model, splitPath(path, 'model'))),
    element: memoised((path) => first(elements, splitPath(path, 'canonical'))),
    attribute: (path, name) => first(attributes, [...splitPath(path, 'canonical'), `@${name}`]),
    hasAttributeRules: attributes.length > 0,
  };
}
