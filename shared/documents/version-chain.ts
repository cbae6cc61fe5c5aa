/**
 * Version chains (DOMAIN.md §4): documents are grouped into series by setId and by RPLC links
 * (FHIR `relatesTo replaces`), ordered by versionNumber, and given derived states: `replaced`
 * when a later version exists, `invalidated` when a later version carries an author with
 * functionCode MIT (or a FHIR DocumentReference says `entered-in-error`), else `current`.
 * A state the server stores (FHIR status current, superseded, entered-in-error) wins over the
 * derived one, so the Versions tab agrees with the document table and page.
 * Versions are immutable; states are derived every time. Ids are never assumed unique: real
 * exports reuse ids and setIds, which is reported as a conflict rather than trusted.
 */
import { CodeSystems } from '../codes/code-tables';
import type { IdKey } from './identity-keys';
import type { DocumentId, DocumentMetadata, SetId } from './model';
import {
  compareNodes,
  components,
  groupBy,
  laterEdges,
  laterVersions,
  resolve,
  rplcLinks,
  toNodes,
  type ChainNodeInput,
  type Node,
} from './version-graph';

export { metadataFingerprint } from './version-graph';

/**
 * One document given to the chain builder: `key` is the caller's handle (file path, environment
 * reference), echoed back; `contentHash` is the SHA-256 of its bytes, and without it a
 * fingerprint of the metadata (archive-filled fields left out) stands in.
 */
export type ChainInput = ChainNodeInput;

/** Derived state of one version. */
export type VersionState = 'current' | 'replaced' | 'invalidated';

/** One version in a chain, with its derived state and links (as input keys). */
export interface ChainVersion {
  readonly key: string;
  readonly id: DocumentId;
  readonly versionNumber?: number;
  readonly state: VersionState;
  /** True for the version that carries the invalidation (an author with functionCode MIT). */
  readonly isInvalidation: boolean;
  /** Versions this one points to with RPLC. */
  readonly replaces: readonly string[];
  /** Later versions: RPLC links to this one, or a higher versionNumber in the same set. */
  readonly replacedBy: readonly string[];
  /** The invalidation version (or this one, for FHIR entered-in-error). */
  readonly invalidatedBy?: string;
}

/** Something that should not happen in a clean series; never fatal, always shown. */
export type ChainConflict =
  | {
      readonly kind: 'version-conflict';
      readonly setId?: SetId;
      readonly versionNumber?: number;
      readonly keys: readonly string[];
      readonly ids: readonly DocumentId[];
    }
  | {
      readonly kind: 'id-reused';
      readonly id: DocumentId;
      readonly keys: readonly string[];
      readonly hashes: readonly string[];
    };

/** Worth knowing, not wrong: identical copies, links to versions that were not given. */
export type ChainNote =
  | { readonly kind: 'duplicate'; readonly id: DocumentId; readonly keys: readonly string[] }
  | { readonly kind: 'missing-link'; readonly key: string; readonly target: DocumentId };

/** One series of versions. */
export interface VersionChain {
  /** The setId of the series; absent when no version has one (FHIR chains by relatesTo). */
  readonly setId?: SetId;
  /** Ordered by versionNumber, then effectiveTime, then input order. */
  readonly versions: readonly ChainVersion[];
  readonly status: 'active' | 'invalidated';
  readonly conflicts: readonly ChainConflict[];
  readonly notes: readonly ChainNote[];
}

/** All chains, plus every conflict and note across them. */
export interface VersionChainResult {
  readonly chains: readonly VersionChain[];
  readonly conflicts: readonly ChainConflict[];
  readonly notes: readonly ChainNote[];
}

/** True when the document records an invalidation (DOMAIN.md §4: author with functionCode MIT). */
export function isInvalidationDocument(meta: DocumentMetadata): boolean {
  return meta.authors.some(
    (author) =>
      author.functionCode?.code === 'MIT' &&
      author.functionCode.codeSystem === CodeSystems.authorFunction,
  );
}

/** The state the server stores (FHIR DocumentReference.status), when it gives one. */
function storedState(status: string | undefined): VersionState | undefined {
  if (status === 'entered-in-error') return 'invalidated';
  if (status === 'superseded') return 'replaced';
  if (status === 'current') return 'current';
  return undefined;
}

function deriveVersion(
  node: Node,
  links: ReadonlyMap<Node, Node[]>,
  later: ReadonlyMap<Node, Node[]>,
): ChainVersion {
  const meta = node.input.meta;
  const isInvalidation = isInvalidationDocument(meta);
  const stored = storedState(meta.fhir?.status);
  // A higher version number in the set only suggests a replacement; when the server says this
  // version is current, only an RPLC link to it says otherwise (review 9: a second "version 1"
  // was shown "replaced by" versions 2 and 3 that never pointed at it).
  const laterOnes = (later.get(node) ?? []).filter(
    (other) => stored !== 'current' || (links.get(other) ?? []).includes(node),
  );
  const invalidator = laterVersions(node, new Map([...later, [node, laterOnes]])).find((other) =>
    isInvalidationDocument(other.input.meta),
  );
  const replacedBy = laterOnes.map((other) => other.input.key);
  const invalidatedBy = stored === 'invalidated' ? node.input.key : invalidator?.input.key;
  const derived: VersionState =
    invalidatedBy !== undefined ? 'invalidated' : replacedBy.length > 0 ? 'replaced' : 'current';
  return {
    key: node.input.key,
    id: meta.id,
    ...(meta.versionNumber === undefined ? {} : { versionNumber: meta.versionNumber }),
    // What the server stores wins: the table and the document page show it too.
    state: stored ?? derived,
    isInvalidation,
    replaces: (links.get(node) ?? []).map((target) => target.input.key),
    replacedBy: [...new Set(replacedBy)],
    ...(invalidatedBy === undefined ? {} : { invalidatedBy }),
  };
}

function versionConflicts(members: readonly Node[]): ChainConflict[] {
  const bySetVersion = groupBy(members, (n) =>
    n.set === '' || n.input.meta.versionNumber === undefined
      ? undefined
      : `${n.set}#${n.input.meta.versionNumber}`,
  );
  return [...bySetVersion.values()].flatMap((group) => {
    const ids = new Map(group.map((n) => [n.id, n.input.meta.id]));
    if (ids.size < 2) return [];
    const first = group[0]!.input.meta;
    return [
      {
        kind: 'version-conflict' as const,
        ...(first.setId ? { setId: first.setId } : {}),
        ...(first.versionNumber === undefined ? {} : { versionNumber: first.versionNumber }),
        keys: group.map((n) => n.input.key),
        ids: [...ids.values()],
      },
    ];
  });
}

function idFindings(nodes: readonly Node[]): { conflicts: ChainConflict[]; notes: ChainNote[] } {
  const conflicts: ChainConflict[] = [];
  const notes: ChainNote[] = [];
  for (const group of groupBy(nodes, (n) => n.id).values()) {
    if (group.length < 2) continue;
    const id = group[0]!.input.meta.id;
    const keys = group.map((n) => n.input.key);
    const hashes = [...new Set(group.map((n) => n.hash))];
    if (hashes.length > 1) conflicts.push({ kind: 'id-reused', id, keys, hashes });
    else notes.push({ kind: 'duplicate', id, keys });
  }
  return { conflicts, notes };
}

function missingLinks(nodes: readonly Node[], byId: ReadonlyMap<IdKey, Node[]>): ChainNote[] {
  return nodes.flatMap((node) =>
    rplcLinks(node)
      .filter((related) => resolve(related, node, byId, nodes).length === 0)
      .map((related) => ({
        kind: 'missing-link' as const,
        key: node.input.key,
        target: related.id,
      })),
  );
}

function mostCommonSetId(members: readonly Node[]): SetId | undefined {
  const counts = groupBy(members, (n) => n.set);
  const [best] = [...counts.values()].sort((a, b) => b.length - a.length);
  return best?.[0]?.input.meta.setId;
}

function buildChain(
  members: Node[],
  links: ReadonlyMap<Node, Node[]>,
  conflicts: readonly ChainConflict[],
  notes: readonly ChainNote[],
): VersionChain {
  const ordered = [...members].sort(compareNodes(links));
  const later = laterEdges(ordered, links);
  const versions = ordered.map((node) => deriveVersion(node, links, later));
  const keys = new Set(ordered.map((n) => n.input.key));
  const touches = (k: readonly string[]) => k.some((key) => keys.has(key));
  const open = versions.filter((v) => v.state !== 'replaced');
  const isInvalidated =
    versions.some((v) => v.isInvalidation) ||
    (open.length > 0 && open.every((v) => v.state === 'invalidated'));
  const setId = mostCommonSetId(ordered);
  return {
    ...(setId ? { setId } : {}),
    versions,
    status: isInvalidated ? 'invalidated' : 'active',
    conflicts: [
      ...versionConflicts(ordered),
      ...conflicts.filter((c) => c.kind === 'id-reused' && touches(c.keys)),
    ],
    notes: notes.filter((n) => touches(n.kind === 'duplicate' ? n.keys : [n.key])),
  };
}

/** Groups documents into version chains with derived states, conflicts and notes. */
export function buildVersionChains(inputs: readonly ChainInput[]): VersionChainResult {
  const nodes = toNodes(inputs);
  const byId = groupBy(nodes, (n) => n.id);
  const links = new Map(
    nodes.map((node) => [
      node,
      [...new Set(rplcLinks(node).flatMap((related) => resolve(related, node, byId, nodes)))],
    ]),
  );
  const ids = idFindings(nodes);
  const notes = [...ids.notes, ...missingLinks(nodes, byId)];
  // Chains come in the order of their first document in the input.
  const chains = components(nodes, links)
    .sort((a, b) => Math.min(...a.map((n) => n.index)) - Math.min(...b.map((n) => n.index)))
    .map((members) => buildChain(members, links, ids.conflicts, notes));
  const versionConflictList = chains.flatMap((chain) =>
    chain.conflicts.filter((c) => c.kind === 'version-conflict'),
  );
  return { chains, conflicts: [...versionConflictList, ...ids.conflicts], notes };
}
