/**
 * A field of an entry that changed shape: a leaf on one side, an element with parts on the other
 * (an effectiveTime from a single value to a low/high interval, a doseQuantity from a value to a
 * range). Fact by fact it read as three items, "value removed, low added, high added" (issue 7
 * review); here it is one change of the whole field, each side in a few words.
 */
import type { Fact, FactOwner } from './entry-facts';
import type { EntryChange } from './entry-changes';

/** The facts of one reshaped field on each side, and where its change stands in the list. */
interface Reshaped {
  readonly key: string;
  readonly left: Fact[];
  readonly right: Fact[];
  readonly index: number;
}

/** The parts of an interval (IVL_TS, IVL_PQ) that read as "low – high". */
const bounds = new Set(['@', 'low', 'high']);

/** The step of a fact below the field ("low", "@"), qualifiers and indexes left out. */
function partName(fact: Fact, key: string): string {
  const part = fact.key.slice(key.length + 1).replace(/\{[^}]*\}|\[[^\]]*\]/g, '');
  return part === '' ? '@' : part;
}

/**
 * One side of a reshaped field in words: a leaf as it reads, an interval as "low – high" (an open
 * end as "…"; its data type left out, the shape says it), anything else part by part.
 */
function fieldWords(key: string, facts: readonly Fact[]): string {
  const leaf = facts.find((fact) => fact.key === key);
  if (leaf) return leaf.value;
  const parts = facts.map((fact) => ({ name: partName(fact, key), value: fact.value }));
  const valueOf = (name: string) => parts.find((part) => part.name === name)?.value;
  if (parts.every((part) => bounds.has(part.name)) && (valueOf('low') ?? valueOf('high')))
    return `${valueOf('low') ?? '…'} – ${valueOf('high') ?? '…'}`;
  return parts
    .map((part) => (part.name === '@' ? part.value : `${part.name} ${part.value}`))
    .join(', ');
}

/**
 * Collects the facts of an entry's reshaped fields: each field takes the place of one change
 * when first seen, and is worded once both sides' facts are in (fill).
 */
export class ReshapedFields {
  private readonly fields = new Map<string, Reshaped>();

  /** Adds a fact of the field `key` (the field itself, or one of its parts) on one side. */
  add(key: string, side: 'left' | 'right', fact: Fact, out: EntryChange[]): void {
    let field = this.fields.get(key);
    if (!field) {
      field = { key, left: [], right: [], index: out.length };
      this.fields.set(key, field);
      out.push({ kind: 'fact' });
    }
    field[side].push(fact);
  }

  /**
   * Each field as a changed fact, labelled and placed like its leaf side's fact, with each
   * side's own line (the element with parts by its own start tag).
   */
  fill(
    out: EntryChange[],
    owners: {
      readonly left: ReadonlyMap<string, FactOwner>;
      readonly right: ReadonlyMap<string, FactOwner>;
    },
  ): void {
    for (const field of this.fields.values()) {
      const named = [...field.left, ...field.right].find((fact) => fact.key === field.key)!;
      const side = (facts: readonly Fact[], owner: FactOwner | undefined): Fact => {
        const line = owner?.element.line ?? facts[0]?.line;
        const { label, path } = named;
        const value = fieldWords(field.key, facts);
        return line === undefined
          ? { key: field.key, label, value, path }
          : { key: field.key, label, value, path, line };
      };
      out[field.index] = {
        kind: 'fact',
        left: side(field.left, owners.left.get(field.key)),
        right: side(field.right, owners.right.get(field.key)),
      };
    }
  }
}
