/**
 * Repeated children of the same kind in two aligned entries (two component observations of one
 * code, two entryRelationships of one kind), paired across the sides. Keyed by their place among
 * their kind, one put in front shifted every following one, which then read as changed (issue 7
 * review). Here they are paired by id when both have one, else by what they say: unchanged ones
 * first (a longest common subsequence), then the rest by how many facts they share. A pair gets
 * one key on both sides, a child without a partner a key of its own side: it reads as one added
 * or removed item.
 */
import type { XmlElement } from '../xml/tree';
import { attribute, elementChildren, firstChild, type NameOf } from './cda-facts';
import { entryFacts, stepBase, type Fact, type FactOwner } from './entry-facts';
import { statementIn } from './entry-subtree-words';

/** Groups larger than this (children on one side × the other) keep their places: pairing is p×q. */
const maxPairingWork = 40_000;

/** The steps for repeated children on each side, as entryFacts takes them (alignedSteps). */
interface AlignedSteps {
  readonly left: Map<XmlElement, string>;
  readonly right: Map<XmlElement, string>;
}

/** One repeated child, with what it is paired by (read once, when first needed). */
class Member {
  private facts: Set<string> | undefined;
  private text: string | undefined;
  readonly id: string | undefined;

  constructor(
    readonly element: XmlElement,
    private readonly nameOf: NameOf,
  ) {
    const id = firstChild(statementIn(element), 'id');
    const root = attribute(id, 'root');
    this.id = root === undefined ? undefined : `${root}^${attribute(id, 'extension') ?? ''}`;
  }

  /** What it says, fact by fact ("key=value"), for similarity. */
  get saying(): Set<string> {
    this.facts ??= new Set(
      entryFacts(this.element, '', this.nameOf).map((fact) => `${fact.key}=${fact.value}`),
    );
    return this.facts;
  }

  /** All it says, for equality. */
  get whole(): string {
    this.text ??= [...this.saying].join('\n');
    return this.text;
  }
}

/** True when two children are one: the same id, or (either without an id) saying the same. */
function isSame(a: Member, b: Member): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  return a.whole === b.whole;
}

/** True when both children have ids and these differ: they are never paired. */
function hasOtherId(a: Member, b: Member): boolean {
  return a.id !== undefined && b.id !== undefined && a.id !== b.id;
}

/** How alike two children are: the facts they share; none when they have other ids. */
function likeness(a: Member, b: Member): number {
  if (hasOtherId(a, b)) return 0;
  let shared = 0;
  for (const fact of a.saying) if (b.saying.has(fact)) shared++;
  return shared;
}

/**
 * Order-preserving pairs of `left` and `right` that maximise `score` (pairs scoring 0 are not
 * made): a longest common subsequence when the score is 1 for equal and 0 otherwise.
 */
function bestPairs(
  left: readonly Member[],
  right: readonly Member[],
  score: (a: Member, b: Member) => number,
): [number, number][] {
  const width = right.length + 1;
  const best = new Float64Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--)
    for (let j = right.length - 1; j >= 0; j--) {
      const here = score(left[i]!, right[j]!);
      const paired = here > 0 ? here + best[(i + 1) * width + j + 1]! : 0;
      best[i * width + j] = Math.max(paired, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < left.length && j < right.length;) {
    const here = score(left[i]!, right[j]!);
    if (here > 0 && best[i * width + j] === here + best[(i + 1) * width + j + 1]!)
      pairs.push([i++, j++]);
    else if (best[i * width + j] === best[(i + 1) * width + j]) i++;
    else j++;
  }
  return pairs;
}

type Pairing = (left: readonly Member[], right: readonly Member[]) => [number, number][];

/** `pairs` (in order) with the stretches between them, on both sides, paired by `fill` too. */
function fillGaps(
  left: readonly Member[],
  right: readonly Member[],
  pairs: readonly [number, number][],
  fill: Pairing,
): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const pair of [...pairs, [left.length, right.length] as [number, number]]) {
    if (pair[0] > i && pair[1] > j)
      for (const [a, b] of fill(left.slice(i, pair[0]), right.slice(j, pair[1])))
        out.push([i + a, j + b]);
    if (pair[0] < left.length) out.push(pair);
    i = pair[0] + 1;
    j = pair[1] + 1;
  }
  return out;
}

/**
 * Children left between better pairs, in order: two values of an observation (a code and a
 * text) that both changed share no fact, and still read as two changed values.
 */
const inOrder: Pairing = (left, right) => {
  const pairs: [number, number][] = [];
  for (let k = 0; k < Math.min(left.length, right.length); k++)
    if (!hasOtherId(left[k]!, right[k]!)) pairs.push([k, k]);
  return pairs;
};

/**
 * Pairs of one group: unchanged (or same-id) children as anchors, the rest between them by
 * likeness, then what is left in order.
 */
function pairGroup(left: readonly Member[], right: readonly Member[]): [number, number][] {
  if (left.length * right.length > maxPairingWork) return inOrder(left, right);
  const anchors = bestPairs(left, right, (a, b) => (isSame(a, b) ? 1 : 0));
  const alike = fillGaps(left, right, anchors, (l, r) => bestPairs(l, r, likeness));
  return fillGaps(left, right, alike, inOrder);
}

/** The children of an element grouped by their step (name and qualifier), in document order. */
function groups(
  element: XmlElement,
  nameOf: NameOf,
  isQualified: boolean,
): Map<string, XmlElement[]> {
  const out = new Map<string, XmlElement[]>();
  for (const child of elementChildren(element)) {
    const base = stepBase(child, nameOf, isQualified);
    const group = out.get(base);
    if (group) group.push(child);
    else out.set(base, [child]);
  }
  return out;
}

/**
 * Steps for the repeated children below two aligned entries, paired level by level: paired
 * children `base[n]` on both sides, the others `base[-n]` (left) and `base[+n]` (right).
 */
export function alignRepeatedChildren(
  left: XmlElement,
  right: XmlElement,
  names: { readonly left: NameOf; readonly right: NameOf },
): AlignedSteps {
  const steps: AlignedSteps = { left: new Map(), right: new Map() };
  const walk = (a: XmlElement, b: XmlElement, isQualified: boolean): void => {
    const rightGroups = groups(b, names.right, isQualified);
    for (const [base, leftGroup] of groups(a, names.left, isQualified)) {
      const rightGroup = rightGroups.get(base);
      if (!rightGroup) continue;
      if (leftGroup.length === 1 && rightGroup.length === 1) {
        walk(leftGroup[0]!, rightGroup[0]!, true);
        continue;
      }
      const pairs = pairGroup(
        leftGroup.map((element) => new Member(element, names.left)),
        rightGroup.map((element) => new Member(element, names.right)),
      );
      pairs.forEach(([i, j], k) => {
        steps.left.set(leftGroup[i]!, `${base}[${k + 1}]`);
        steps.right.set(rightGroup[j]!, `${base}[${k + 1}]`);
        walk(leftGroup[i]!, rightGroup[j]!, true);
      });
      leftGroup.forEach((element, i) => {
        if (!steps.left.has(element)) steps.left.set(element, `${base}[-${i + 1}]`);
      });
      rightGroup.forEach((element, j) => {
        if (!steps.right.has(element)) steps.right.set(element, `${base}[+${j + 1}]`);
      });
    }
    // A group on the right only keeps its keys: nothing on the left shares them.
  };
  walk(left, right, false);
  return steps;
}

/** The facts of two aligned entries, and the elements that hold them, keyed alike on both sides. */
export interface PairedFacts {
  readonly facts: { readonly left: Fact[]; readonly right: Fact[] };
  readonly owners: {
    readonly left: Map<string, FactOwner>;
    readonly right: Map<string, FactOwner>;
  };
}

/**
 * The facts of two aligned entries. Repeated children (`component{95}[2]`) are keyed by their
 * place at first; only when an entry has some are they paired with the other side's and the
 * facts read again (most entries have none, and pairing reads every repeated child).
 */
export function entryFactsOfPair(
  left: XmlElement,
  right: XmlElement,
  path: string,
  names: { readonly left: NameOf; readonly right: NameOf },
): PairedFacts {
  const read = (steps?: AlignedSteps): PairedFacts => {
    const owners = { left: new Map<string, FactOwner>(), right: new Map<string, FactOwner>() };
    const facts = {
      left: entryFacts(left, path, names.left, owners.left, steps?.left),
      right: entryFacts(right, path, names.right, owners.right, steps?.right),
    };
    return { facts, owners };
  };
  const first = read();
  const isRepeated = (fact: Fact) => fact.key.includes('[');
  if (!first.facts.left.some(isRepeated) && !first.facts.right.some(isRepeated)) return first;
  return read(alignRepeatedChildren(left, right, names));
}
