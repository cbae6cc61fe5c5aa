/**
 * Where a metadata model path lives in the CDA. The change list words header and metadata items
 * over model paths (`authors[0].organisation.name`), the content diff over canonical XML paths
 * (`/ClinicalDocument/author/assignedAuthor/representedOrganization/name`). Linking the two lets
 * the list move the diff to a header item's content change, and the report give the item's lines
 * (issue 7 review: "id changed" did not lead to the change on /ClinicalDocument/id).
 */

/** The child of ClinicalDocument that holds each top-level model field (local names). */
const fieldElements: Readonly<Record<string, string>> = {
  id: 'id',
  setId: 'setId',
  versionNumber: 'versionNumber',
  title: 'title',
  effectiveTime: 'effectiveTime',
  languageCode: 'languageCode',
  realmCode: 'realmCode',
  templateIds: 'templateId',
  register: 'code',
  confidentiality: 'confidentialityCode',
  copyTime: 'copyTime',
  patient: 'recordTarget',
  authors: 'author',
  custodian: 'custodian',
  serviceEventId: 'componentOf',
  encounter: 'componentOf',
  serviceEvent: 'documentationOf',
  participants: 'participant',
  relatedDocuments: 'relatedDocument',
  localHeader: 'localHeader',
};

/** Element local names of a canonical path, without prefixes and indexes. */
function elementNames(canonicalPath: string): string[] {
  return canonicalPath
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/\[\d+\]$/, '').replace(/^[^:]*:/, ''));
}

/** The named parts of a model path, without indexes: `authors[0].ids[0]` → authors, ids. */
function modelNames(modelPath: string): string[] {
  return modelPath.split('.').map((part) => part.replace(/\[\d+\]/g, ''));
}

/** The child of ClinicalDocument a model path lives under, or undefined (signatures, message…). */
export function elementOfModelPath(modelPath: string): string | undefined {
  return fieldElements[modelNames(modelPath)[0] ?? ''];
}

/** The child of ClinicalDocument a canonical path is under, or undefined. */
export function elementOfCanonicalPath(canonicalPath: string): string | undefined {
  const names = elementNames(canonicalPath);
  return names[0] === 'ClinicalDocument' ? names[1] : undefined;
}

/** A model word as element names spell it: lower case, singular, American "organization". */
function normalised(word: string): string {
  return word.toLowerCase().replace('organisation', 'organization').replace(/s$/, '');
}

/** How well a canonical path matches the model names below the top-level field. */
function score(inner: readonly string[], canonicalPath: string): number {
  const elements = elementNames(canonicalPath)
    .slice(2)
    .map((name) => name.toLowerCase());
  let total = 0;
  for (const word of inner.map(normalised)) {
    if (elements.includes(word)) total += 2;
    else if (elements.some((element) => element.includes(word))) total += 1;
  }
  return total;
}

/**
 * Of `candidates` (canonical paths, in document order), the position of the one a model path
 * points at: under the same child of ClinicalDocument, preferring paths whose elements name the
 * model path's inner fields (`organisation.name` → representedOrganization/name); the first one
 * on a tie. Undefined when none is under that element.
 */
export function bestCandidate(
  modelPath: string,
  candidates: readonly string[],
): number | undefined {
  const element = elementOfModelPath(modelPath);
  if (element === undefined) return undefined;
  const inner = modelNames(modelPath).slice(1);
  let found: { index: number; score: number } | undefined;
  candidates.forEach((path, index) => {
    if (elementOfCanonicalPath(path) !== element) return;
    const points = score(inner, path);
    if (!found || points > found.score) found = { index, score: points };
  });
  return found?.index;
}

/** What linking needs of a content change: the path of its first line and its changed lines. */
export interface ChangedLines {
  readonly path: string;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** A child of ClinicalDocument's start tag in the canonical form (two spaces a level). */
const topLevelTag = /^ {2}<(?:[\w.-]+:)?([\w.-]+)/;

function addTopLevelTags(lines: readonly string[], elements: Set<string>): void {
  for (const line of lines) {
    const name = topLevelTag.exec(line)?.[1];
    if (name !== undefined) elements.add(name);
  }
}

/**
 * The children of ClinicalDocument a change touches: the one its first line is under, and each
 * one whose start tag is among its lines. Neighbouring header lines that all changed are one
 * change with the path of the first: on LM → KOR, id, code, title and effectiveTime are one change
 * at /ClinicalDocument/id, and "title changed" found no change under title (issue 7 review, 8).
 */
export function elementsOfChange(change: ChangedLines): Set<string> {
  const elements = new Set<string>();
  const first = elementOfCanonicalPath(change.path);
  if (first !== undefined) elements.add(first);
  addTopLevelTags(change.removed, elements);
  addTopLevelTags(change.added, elements);
  return elements;
}

/** Adds change `index` to the list of each element it touches (elementsOfChange), in order. */
export function groupByElement(
  byElement: Map<string, number[]>,
  change: ChangedLines,
  index: number,
): void {
  for (const element of elementsOfChange(change)) {
    const under = byElement.get(element);
    if (under) under.push(index);
    else byElement.set(element, [index]);
  }
}

/**
 * The change a model path points at, of the changes grouped by element (groupByElement): the
 * one bestCandidate picks among those whose path is under the field's element, else the first
 * whose lines hold the element's start tag. Undefined when no change touches the element.
 */
export function changeOfModelPath(
  modelPath: string,
  byElement: ReadonlyMap<string, readonly number[]>,
  pathOf: (index: number) => string,
): number | undefined {
  const element = elementOfModelPath(modelPath);
  const indexes = element === undefined ? undefined : byElement.get(element);
  if (!indexes || indexes.length === 0) return undefined;
  const position = bestCandidate(modelPath, indexes.map(pathOf));
  return indexes[position ?? 0];
}

/**
 * A finder of the change (its position in `changes`) each model path points at, as
 * changeOfModelPath picks it; the changes are grouped by element once, so the many body changes
 * of a large pair are not scanned again for every header item.
 */
export function modelPathLinker(
  changes: readonly ChangedLines[],
): (modelPath: string) => number | undefined {
  const byElement = new Map<string, number[]>();
  changes.forEach((change, index) => groupByElement(byElement, change, index));
  return (modelPath) => changeOfModelPath(modelPath, byElement, (index) => changes[index]!.path);
}
