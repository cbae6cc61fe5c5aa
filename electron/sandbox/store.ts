/**
 * The sandbox's in-memory document index. Seeded documents keep their bytes generated on demand
 * (SeedDocument.bytes); stored ones hold theirs. Every document gets an insertion sequence number
 * so that paging can take a snapshot ("documents up to sequence N") that later additions cannot
 * shift.
 */
import type { DocumentReference, Patient, Provenance } from '../../shared/fhir/resources';
import { hetuSystem } from '../../shared/fhir/resources';
import {
  buildPatientDateIndex,
  emptyPatientDateIndex,
  fileEntry,
  refileEntry,
  type PatientDateIndex,
} from './patient-index';
import type { SeedCatalog, SeedDocument } from './seed/seed-types';

/** A DocumentReference as the store serves it: id and meta always present. */
export type StoredDocumentReference = DocumentReference & {
  readonly id: string;
  readonly meta: { readonly versionId: string; readonly lastUpdated: string };
};

/** One logical DocumentReference and its FHIR versions, oldest first. */
export interface DocumentEntry {
  readonly id: string;
  readonly sequence: number;
  readonly patientKey: string | undefined;
  readonly setId: string | undefined;
  readonly versions: StoredDocumentReference[];
}

/** A Binary: bytes either generated on demand (seeded) or held (stored). */
export interface BinaryEntry {
  readonly id: string;
  readonly contentType: string;
  readonly bytes: () => Uint8Array;
  readonly isStored: boolean;
}

/** The extension that carries the CDA setId on a DocumentReference. */
export const setIdExtension = 'https://archivist.invalid/fhir/StructureDefinition/cda-set-id';

/** The whole sandbox state. */
export interface SandboxStore {
  readonly patients: Map<string, Patient & { readonly id: string }>;
  readonly patientByHetu: Map<string, string>;
  readonly documents: Map<string, DocumentEntry>;
  readonly byPatient: Map<string, DocumentEntry[]>;
  readonly all: DocumentEntry[];
  readonly binaries: Map<string, BinaryEntry>;
  readonly provenances: Map<string, Provenance & { readonly id: string }>;
  /** Documents and binaries changed or added since seeding: what persistence writes. */
  readonly dirty: Set<string>;
  nextSequence: number;
  /** The seed document each seeded entry came from (by entry id): what priming prepares. */
  readonly seedDocuments: Map<string, SeedDocument>;
  /** Each patient's documents in date order, kept up to date by every write (patient-index.ts). */
  dateIndex: PatientDateIndex;
  /** Bumped on every change; sorted views cached under an older revision are stale. */
  revision: number;
  readonly sortedViews: Map<
    string,
    { readonly revision: number; readonly entries: DocumentEntry[] }
  >;
}

/** The identifier system the seed generator uses for the CDA setId (`urn:oid:<oid>` values). */
export const setIdIdentifierSystem = 'urn:archivist:cda:setId';

/** A setId without its `urn:oid:` prefix, so both spellings find the same series. */
export function bareSetId(value: string): string {
  return value.replace(/^urn:oid:/, '');
}

/** The setId of a DocumentReference: the setId identifier or the cda-set-id extension. */
export function setIdOf(document: DocumentReference): string | undefined {
  const identifier = document.identifier?.find((one) => one.system === setIdIdentifierSystem);
  const extension = document.extension?.find((candidate) => candidate.url === setIdExtension);
  const value = identifier?.value ?? extension?.valueIdentifier?.value ?? extension?.valueString;
  return value === undefined ? undefined : bareSetId(value);
}

/** Resolves a DocumentReference's subject to a patient key (the Patient id when known). */
export function patientKeyOf(store: SandboxStore, document: DocumentReference): string | undefined {
  const reference = document.subject?.reference;
  if (reference?.startsWith('Patient/')) return reference.slice('Patient/'.length);
  const identifier = document.subject?.identifier;
  if (identifier?.system === hetuSystem && identifier.value)
    return store.patientByHetu.get(identifier.value) ?? `hetu:${identifier.value}`;
  return undefined;
}

/** An empty store. */
export function emptyStore(): SandboxStore {
  return {
    patients: new Map(),
    patientByHetu: new Map(),
    documents: new Map(),
    byPatient: new Map(),
    all: [],
    binaries: new Map(),
    provenances: new Map(),
    dirty: new Set(),
    nextSequence: 1,
    seedDocuments: new Map(),
    dateIndex: emptyPatientDateIndex(),
    revision: 0,
    sortedViews: new Map(),
  };
}

/** Adds a patient and indexes its hetu identifiers. */
export function addPatient(store: SandboxStore, patient: Patient & { readonly id: string }): void {
  store.patients.set(patient.id, patient);
  for (const identifier of patient.identifier ?? [])
    if (identifier.system === hetuSystem && identifier.value)
      store.patientByHetu.set(identifier.value, patient.id);
}

function addEntry(
  store: SandboxStore,
  first: StoredDocumentReference,
  setId: string | undefined,
): DocumentEntry {
  const entry: DocumentEntry = {
    id: first.id,
    sequence: store.nextSequence++,
    patientKey: patientKeyOf(store, first),
    setId,
    versions: [first],
  };
  store.documents.set(entry.id, entry);
  store.all.push(entry);
  store.revision++;
  if (entry.patientKey !== undefined) {
    const list = store.byPatient.get(entry.patientKey) ?? [];
    list.push(entry);
    store.byPatient.set(entry.patientKey, list);
  }
  return entry;
}

/** Adds a new logical document (first version given) and indexes it. */
export function addDocument(
  store: SandboxStore,
  first: StoredDocumentReference,
  setId: string | undefined,
): DocumentEntry {
  const entry = addEntry(store, first, setId);
  fileEntry(store.dateIndex, entry, first.date ?? '');
  return entry;
}

/** Files a document again under its latest date, after its versions were changed in place. */
export function refileDocument(store: SandboxStore, entry: DocumentEntry): void {
  refileEntry(store.dateIndex, entry, latest(entry).date ?? '');
}

/** The current (latest) FHIR version of a document. */
export function latest(entry: DocumentEntry): StoredDocumentReference {
  const version = entry.versions[entry.versions.length - 1];
  if (!version) throw new Error(`document ${entry.id} has no versions`);
  return version;
}

/** Appends a new FHIR version (versionId + 1) of a document and marks it for persistence. */
export function addVersion(
  store: SandboxStore,
  entry: DocumentEntry,
  resource: DocumentReference,
  now: Date,
): StoredDocumentReference {
  const versionId = String(entry.versions.length + 1);
  const next: StoredDocumentReference = {
    ...resource,
    id: entry.id,
    meta: { ...resource.meta, versionId, lastUpdated: now.toISOString() },
  };
  entry.versions.push(next);
  refileDocument(store, entry);
  store.revision++;
  store.dirty.add(`doc:${entry.id}`);
  return next;
}

/** Loads a seed catalogue: patients, documents (version 1) and on-demand binaries. */
export function seedStore(store: SandboxStore, catalog: SeedCatalog, now: Date): void {
  for (const patient of catalog.patients) addPatient(store, patient);
  const lastUpdated = now.toISOString();
  for (const seed of catalog.documents) {
    const reference = seed.documentReference;
    const entry = addEntry(
      store,
      { ...reference, meta: { ...reference.meta, versionId: '1', lastUpdated } },
      bareSetId(seed.setId),
    );
    store.seedDocuments.set(entry.id, seed);
    store.binaries.set(seed.binaryId, {
      id: seed.binaryId,
      contentType: seed.contentType,
      bytes: seed.bytes,
      isStored: false,
    });
  }
  // One sort per patient; filing 100,000 documents one by one would shift the lists each time.
  store.dateIndex = buildPatientDateIndex(store.byPatient, (entry) => latest(entry).date ?? '');
}
