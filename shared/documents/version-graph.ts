/**
 * The graph behind version chains (version-chain.ts): documents as nodes, RPLC links and setIds
 * as edges, union-find for the chains, and "later version" edges for the derived states.
 */
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import { idKey, type IdKey } from './identity-keys';
import { ARCHIVE_FILLED_FIELDS, type DocumentMetadata, type RelatedDocument } from './model';

/** The input of one document, as the chain builder needs it. */
export interface ChainNodeInput {
  readonly key: string;
  readonly meta: DocumentMetadata;
  readonly contentHash?: string;
}

/** One document in the graph. */
export interface Node {
  readonly index: number;
  readonly input: ChainNodeInput;
  readonly id: IdKey;
  readonly set: IdKey;
  readonly hash: string;
}

/** A fingerprint of the metadata without archive-filled and derived fields. */
export function metadataFingerprint(meta: DocumentMetadata): string {
  const skip = new Set([...ARCHIVE_FILLED_FIELDS, 'identityCodes', 'warnings']);
  const stable = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => stable(item, path));
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value)
      .filter(([key]) => !skip.has(path === '' ? key : `${path}.${key}`))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.map(([key, item]) => [key, stable(item, path === '' ? key : `${path}.${key}`)]);
  };
  return sha256Hex(encodeUtf8(JSON.stringify(stable(meta, ''))));
}

/** Nodes for the inputs, with id and setId keys and a content hash. */
export function toNodes(inputs: readonly ChainNodeInput[]): Node[] {
  return inputs.map((input, index) => ({
    index,
    input,
    id: idKey(input.meta.id),
    set: input.meta.setId ? idKey(input.meta.setId) : ('' as IdKey),
    hash: input.contentHash ?? metadataFingerprint(input.meta),
  }));
}

/** The nodes one related-document link points to (by id, or by FHIR reference). */
export function resolve(
  related: RelatedDocument,
  node: Node,
  byId: ReadonlyMap<IdKey, Node[]>,
  nodes: readonly Node[],
): Node[] {
  const byKey = byId.get(idKey(related.id)) ?? [];
  const reference = related.reference;
  const byReference =
    reference === undefined
      ? []
      : nodes.filter((other) => {
          const resourceId = other.input.meta.fhir?.resourceId;
          return resourceId !== undefined && reference.endsWith(`DocumentReference/${resourceId}`);
        });
  return [...new Set([...byKey, ...byReference])].filter((target) => target !== node);
}

export function rplcLinks(node: Node): readonly RelatedDocument[] {
  return node.input.meta.relatedDocuments.filter((related) => related.typeCode === 'RPLC');
}

export function groupBy<K>(
  nodes: readonly Node[],
  key: (node: Node) => K | undefined,
): Map<K, Node[]> {
  const groups = new Map<K, Node[]>();
  for (const node of nodes) {
    const k = key(node);
    if (k === undefined || k === '') continue;
    groups.set(k, [...(groups.get(k) ?? []), node]);
  }
  return groups;
}

/** Union-find over input indices: same setId or an RPLC link puts two documents in one chain. */
export function components(nodes: readonly Node[], links: ReadonlyMap<Node, Node[]>): Node[][] {
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (const group of groupBy(nodes, (n) => n.set).values()) {
    for (const node of group) union(node.index, group[0]!.index);
  }
  for (const [node, targets] of links)
    for (const target of targets) union(node.index, target.index);
  return [...groupBy(nodes, (n) => find(n.index)).values()];
}

export function isLater(a: Node, b: Node): boolean {
  const va = a.input.meta.versionNumber;
  const vb = b.input.meta.versionNumber;
  return a.set !== '' && a.set === b.set && va !== undefined && vb !== undefined && va > vb;
}

/**
 * How many RPLC steps lead back from each node (longest path). Memoised, because adversarial
 * input can link every document to every other; a node still being visited counts as 0, which
 * cuts the cycles bad data can contain.
 */
export function replacementDepths(links: ReadonlyMap<Node, Node[]>): (node: Node) => number {
  const memo = new Map<Node, number>();
  const depth = (node: Node): number => {
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, 0);
    const value = Math.max(0, ...(links.get(node) ?? []).map((target) => depth(target) + 1));
    memo.set(node, value);
    return value;
  };
  return depth;
}

/**
 * Order inside a chain: versionNumber, then position in the RPLC links (for documents without
 * version numbers, e.g. FHIR), then effectiveTime, then input order.
 */
export function compareNodes(links: ReadonlyMap<Node, Node[]>): (a: Node, b: Node) => number {
  const depth = replacementDepths(links);
  return (a, b) => {
    const va = a.input.meta.versionNumber ?? Number.MAX_SAFE_INTEGER;
    const vb = b.input.meta.versionNumber ?? Number.MAX_SAFE_INTEGER;
    if (va !== vb) return va - vb;
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return da - db;
    const ta = a.input.meta.effectiveTime ?? '';
    const tb = b.input.meta.effectiveTime ?? '';
    return ta < tb ? -1 : ta > tb ? 1 : a.index - b.index;
  };
}

/** Every node reachable through `later` edges from `start` (transitively later versions). */
export function laterVersions(start: Node, later: ReadonlyMap<Node, Node[]>): Node[] {
  const seen = new Set<Node>();
  const pending = [...(later.get(start) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next) || next === start) continue;
    seen.add(next);
    pending.push(...(later.get(next) ?? []));
  }
  return [...seen];
}

/** Later-version edges inside one chain: RPLC links reversed, plus higher versions of the set. */
export function laterEdges(
  members: readonly Node[],
  links: ReadonlyMap<Node, Node[]>,
): Map<Node, Node[]> {
  const later = new Map<Node, Node[]>(members.map((node) => [node, []]));
  for (const node of members) {
    for (const target of links.get(node) ?? []) later.get(target)?.push(node);
    for (const other of members)
      if (isLater(other, node) && !later.get(node)!.includes(other)) later.get(node)!.push(other);
  }
  return later;
}
