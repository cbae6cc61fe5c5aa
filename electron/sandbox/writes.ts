/**
 * Storing documents: a transaction Bundle with Binary + DocumentReference (a new document, or a
 * new version of a setId), plain create with If-None-Exist and update with If-Match. Every write
 * is refused when it carries a non-test identity code, as the real test service does.
 */
import { randomUUID } from 'node:crypto';
import type { Binary, Bundle, BundleEntry, DocumentReference } from '../../shared/fhir/resources';
import { parseDocumentQuery, runDocumentQuery } from './document-search';
import { documentResponse } from './documents';
import { findNonTestCodes, findNonTestCodesInJson, type IdentityFinding } from './identity-check';
import { badRequest, fhirResponse, outcome, outcomeOf, type SandboxResponse } from './outcome';
import {
  addDocument,
  addVersion,
  latest,
  setIdOf,
  type SandboxStore,
  type StoredDocumentReference,
} from './store';

/** What a write needs besides the store. */
export interface WriteContext {
  readonly store: SandboxStore;
  readonly baseUrl: string;
  readonly now: () => Date;
  /** Called after every change so persistence can write the state. */
  readonly onChange: () => Promise<void>;
}

function refusal(findings: readonly IdentityFinding[]): SandboxResponse {
  return outcomeOf(
    422,
    findings.map((finding) => ({
      severity: 'error' as const,
      code: 'business-rule',
      diagnostics: `Identity code ${finding.value} in ${finding.where} is not a valid test code (${finding.reason}); the test service stores only 900-series test identities.`,
      expression: [finding.where],
    })),
  );
}

function checkDocument(document: DocumentReference, bytes: Uint8Array | undefined) {
  const findings = findNonTestCodesInJson(document, 'DocumentReference');
  if (bytes)
    findings.push(...findNonTestCodes(Buffer.from(bytes).toString('utf8'), 'Binary (CDA)'));
  return findings;
}

function isDocumentReference(value: unknown): value is DocumentReference {
  const record = value as { resourceType?: unknown; content?: unknown; status?: unknown };
  return (
    typeof value === 'object' &&
    value !== null &&
    record.resourceType === 'DocumentReference' &&
    Array.isArray(record.content) &&
    (record.status === 'current' ||
      record.status === 'superseded' ||
      record.status === 'entered-in-error')
  );
}

/** Creates a logical document; earlier current versions of the same setId become superseded. */
function createDocument(
  context: WriteContext,
  document: DocumentReference,
): StoredDocumentReference {
  const { store } = context;
  const now = context.now();
  const setId = setIdOf(document);
  if (setId !== undefined)
    for (const entry of store.all)
      if (entry.setId === setId && latest(entry).status === 'current')
        addVersion(store, entry, { ...latest(entry), status: 'superseded' }, now);
  const id = randomUUID();
  const first: StoredDocumentReference = {
    ...document,
    id,
    meta: { ...document.meta, versionId: '1', lastUpdated: now.toISOString() },
  };
  addDocument(store, first, setId);
  store.dirty.add(`doc:${id}`);
  return first;
}

/** A conditional create's match, if the `If-None-Exist` query finds exactly one document. */
function conditionalMatch(
  store: SandboxStore,
  ifNoneExist: string,
): { match?: StoredDocumentReference; error?: SandboxResponse } {
  const query = parseDocumentQuery(store, new URLSearchParams(ifNoneExist.replace(/^.*\?/, '')));
  if (!query.ok) return { error: badRequest(`If-None-Exist: ${query.error.message}`) };
  const found = runDocumentQuery(store, { ...query.value, snapshot: undefined });
  if (found.length > 1)
    return {
      error: outcome(
        412,
        'multiple-matches',
        `If-None-Exist matched ${found.length} documents; it must match at most one.`,
      ),
    };
  const [first] = found;
  return first ? { match: latest(first) } : {};
}

/** POST DocumentReference (If-None-Exist honoured). */
export async function postDocument(
  context: WriteContext,
  body: unknown,
  ifNoneExist: string | undefined,
): Promise<SandboxResponse> {
  if (!isDocumentReference(body))
    return outcome(
      400,
      'structure',
      'The body is not a DocumentReference with status and content.',
    );
  if (ifNoneExist) {
    const { match, error } = conditionalMatch(context.store, ifNoneExist);
    if (error) return error;
    if (match) return documentResponse(match, 200);
  }
  const findings = checkDocument(body, undefined);
  if (findings.length > 0) return refusal(findings);
  const created = createDocument(context, body);
  await context.onChange();
  const response = documentResponse(created, 201);
  return {
    ...response,
    headers: {
      ...response.headers,
      location: `${context.baseUrl}/DocumentReference/${created.id}/_history/1`,
    },
  };
}

/** PUT DocumentReference/id: a new FHIR version, refused with 412 when If-Match is stale. */
export async function putDocument(
  context: WriteContext,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<SandboxResponse> {
  const entry = context.store.documents.get(id);
  if (!entry)
    return outcome(
      404,
      'not-found',
      `DocumentReference/${id} was not found; this sandbox does not create on update.`,
    );
  if (!isDocumentReference(body) || (body.id !== undefined && body.id !== id))
    return outcome(400, 'structure', `The body must be a DocumentReference whose id is '${id}'.`);
  const current = latest(entry);
  if (ifMatch !== undefined && ifMatch.replace(/^W\//, '') !== `"${current.meta.versionId}"`)
    return outcome(
      412,
      'conflict',
      `If-Match ${ifMatch} does not match the current version W/"${current.meta.versionId}".`,
    );
  const findings = checkDocument(body, undefined);
  if (findings.length > 0) return refusal(findings);
  const next = addVersion(context.store, entry, body, context.now());
  await context.onChange();
  return documentResponse(next);
}

function binaryBytes(resource: Binary): Uint8Array {
  return Buffer.from(resource.data ?? '', 'base64');
}

interface TransactionParts {
  readonly binaries: Map<string, Binary>;
  readonly documents: DocumentReference[];
  readonly findings: IdentityFinding[];
}

/** Sorts the entries into Binaries and DocumentReferences and checks every one for identity codes. */
function splitTransaction(body: unknown): TransactionParts | SandboxResponse {
  const bundle = body as Partial<Bundle> | null;
  if (
    bundle?.resourceType !== 'Bundle' ||
    bundle.type !== 'transaction' ||
    !Array.isArray(bundle.entry)
  )
    return outcome(
      400,
      'structure',
      "The body must be a Bundle of type 'transaction' with entries.",
    );
  const parts: TransactionParts = { binaries: new Map(), documents: [], findings: [] };
  for (const [index, entry] of (bundle.entry as readonly BundleEntry[]).entries()) {
    const resource = entry.resource;
    if (resource?.resourceType === 'Binary') {
      parts.binaries.set(entry.fullUrl ?? `#${index}`, resource);
      const text = Buffer.from(binaryBytes(resource)).toString('utf8');
      parts.findings.push(...findNonTestCodes(text, `Bundle.entry[${index}] Binary (CDA)`));
    } else if (isDocumentReference(resource)) {
      parts.documents.push(resource);
      parts.findings.push(...checkDocument(resource, undefined));
    } else
      return outcome(
        400,
        'not-supported',
        `Bundle.entry[${index}] must be a Binary or a DocumentReference.`,
        [`Bundle.entry[${index}]`],
      );
  }
  return parts;
}

/** Stores the Binaries; returns the new id of each by its fullUrl. */
function storeBinaries(
  context: WriteContext,
  binaries: Map<string, Binary>,
  responses: BundleEntry[],
) {
  const ids = new Map<string, string>();
  for (const [fullUrl, binary] of binaries) {
    const id = randomUUID();
    ids.set(fullUrl, id);
    const bytes = binaryBytes(binary);
    context.store.binaries.set(id, {
      id,
      contentType: binary.contentType,
      bytes: () => bytes,
      isStored: true,
    });
    context.store.dirty.add(`bin:${id}`);
    responses.push({ response: { status: '201 Created', location: `Binary/${id}` } });
  }
  return ids;
}

/** POST / with a transaction Bundle of Binary + DocumentReference entries (all or nothing). */
export async function postTransaction(
  context: WriteContext,
  body: unknown,
): Promise<SandboxResponse> {
  const parts = splitTransaction(body);
  if ('status' in parts) return parts;
  if (parts.findings.length > 0) return refusal(parts.findings);
  const responses: BundleEntry[] = [];
  const binaryIds = storeBinaries(context, parts.binaries, responses);
  for (const document of parts.documents) {
    // Attachments point at the Binary's temporary fullUrl; rewrite them to the stored id.
    const content = document.content.map((item) => {
      const id = binaryIds.get(item.attachment.url ?? '');
      return id ? { ...item, attachment: { ...item.attachment, url: `Binary/${id}` } } : item;
    });
    const created = createDocument(context, { ...document, content });
    responses.push({
      response: {
        status: '201 Created',
        location: `DocumentReference/${created.id}/_history/1`,
        etag: 'W/"1"',
      },
    });
  }
  await context.onChange();
  return fhirResponse(200, {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: responses,
  });
}
