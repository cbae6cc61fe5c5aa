/**
 * The differences inside an entry present on both sides: its facts paired by key, and an element
 * found on one side only (an observation added to an organizer, an author, an entryRelationship)
 * taken as a whole. Fact by fact, one added observation read as 5-8 items, its classCode and
 * moodCode among them (issue 7 review); as a whole it is one item (entry-subtree-words.ts). A
 * field that is a leaf on one side and has parts on the other is one change (reshaped-fields.ts).
 */
import type { Fact, FactOwner } from './entry-facts';
import { ReshapedFields } from './reshaped-fields';

/** A fact added, removed or changed, or an element with everything in it added or removed. */
export type EntryChange =
  | { readonly kind: 'fact'; readonly left?: Fact; readonly right?: Fact }
  | {
      readonly kind: 'subtree';
      readonly side: 'added' | 'removed';
      readonly owner: FactOwner;
      /** The facts inside it, in document order. */
      readonly facts: readonly Fact[];
    };

/** Every key prefix at a step boundary ("/a", "/a/b", …) of the facts' keys. */
function prefixesOf(facts: Iterable<Fact>): Set<string> {
  const prefixes = new Set<string>();
  for (const fact of facts)
    for (let at = fact.key.indexOf('/', 1); at !== -1; at = fact.key.indexOf('/', at + 1))
      prefixes.add(fact.key.slice(0, at));
  return prefixes;
}

/**
 * Where `fact` is one-sided: inside the outermost element the other side does not have at all
 * (its key is a prefix of the fact's key that no fact of the other side starts with), inside a
 * field that is a leaf on the other side, or itself a leaf where the other side has parts.
 */
function oneSidedAt(
  fact: Fact,
  otherPrefixes: ReadonlySet<string>,
  otherKeys: ReadonlyMap<string, Fact>,
  owners: ReadonlyMap<string, FactOwner>,
): { owner: FactOwner } | { reshaped: string } | undefined {
  if (otherPrefixes.has(fact.key)) return { reshaped: fact.key };
  for (let at = fact.key.indexOf('/', 1); at !== -1; at = fact.key.indexOf('/', at + 1)) {
    const prefix = fact.key.slice(0, at);
    if (otherKeys.has(prefix)) return { reshaped: prefix };
    if (otherPrefixes.has(prefix)) continue;
    const owner = owners.get(prefix);
    return owner && { owner };
  }
  return undefined;
}

/**
 * Collects the facts of one side that the other lacks: each alone, within the element the other
 * side lacks, or within a reshaped field (one change for all of them, at the place of the first).
 */
class OneSided {
  private otherPrefixes: Set<string> | undefined;
  private readonly subtrees = new Map<string, Fact[]>();

  constructor(
    private readonly side: 'added' | 'removed',
    private readonly other: ReadonlyMap<string, Fact>,
    private readonly owners: ReadonlyMap<string, FactOwner>,
    private readonly out: EntryChange[],
    private readonly reshaped: ReshapedFields,
  ) {}

  add(fact: Fact): void {
    // Most entries differ in a changed value only: the other side's prefixes wait until needed.
    this.otherPrefixes ??= prefixesOf(this.other.values());
    const at = oneSidedAt(fact, this.otherPrefixes, this.other, this.owners);
    if (at !== undefined && 'reshaped' in at) {
      this.reshaped.add(at.reshaped, this.side === 'added' ? 'right' : 'left', fact, this.out);
      return;
    }
    const owner = at?.owner;
    if (owner === undefined) {
      this.out.push(
        this.side === 'added' ? { kind: 'fact', right: fact } : { kind: 'fact', left: fact },
      );
      return;
    }
    const known = this.subtrees.get(owner.key);
    if (known) {
      known.push(fact);
      return;
    }
    const facts = [fact];
    this.subtrees.set(owner.key, facts);
    this.out.push({ kind: 'subtree', side: this.side, owner, facts });
  }
}

/** The changes between the facts of two aligned entries: in right-side order, then removals. */
export function entryChanges(
  left: readonly Fact[],
  right: readonly Fact[],
  owners: {
    readonly left: ReadonlyMap<string, FactOwner>;
    readonly right: ReadonlyMap<string, FactOwner>;
  },
): EntryChange[] {
  const leftByKey = new Map(left.map((fact) => [fact.key, fact]));
  const rightByKey = new Map(right.map((fact) => [fact.key, fact]));
  const changes: EntryChange[] = [];
  const reshaped = new ReshapedFields();
  const added = new OneSided('added', leftByKey, owners.right, changes, reshaped);
  for (const b of right) {
    const a = leftByKey.get(b.key);
    if (!a) added.add(b);
    else if (a.value !== b.value) changes.push({ kind: 'fact', left: a, right: b });
  }
  const removed = new OneSided('removed', rightByKey, owners.left, changes, reshaped);
  for (const a of left) if (!rightByKey.has(a.key)) removed.add(a);
  reshaped.fill(changes, owners);
  return changes;
}
