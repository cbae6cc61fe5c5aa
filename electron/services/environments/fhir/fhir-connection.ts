/**
 * A FHIR R4 environment (the sandbox, AT, TK or any R4 server) as an `EnvironmentConnection`:
 * DocumentReference search with paging, read with the CDA bytes (a `Binary` the attachment points
 * to, or inline data), `_history`, the Provenance resources that target a document, and a check of
 * what the server says about itself. All HTTP care (deadlines, retries, breaker, calendar) is in
 * the client underneath.
 */
import type {
  Binary,
  Bundle,
  DocumentReference,
  FhirAttachment,
  Provenance,
} from '../../../../shared/fhir/resources';
import { err, ok, type Result } from '../../../../shared/result';
import {
  environmentErrorCodes,
  type ConnectionCheck,
  type EnvironmentConnection,
  type FetchedDocument,
  type RequestOptions,
} from '../connection';
import { createFhirClient, type FhirClient, type FhirClientOptions } from './fhir-client';
import { collectPages, documentSearchParams } from './fhir-search';

export interface FhirConnectionOptions extends FhirClientOptions {
  /** `_count` of each search page; the server's default when absent. */
  readonly pageSize?: number;
}

/** FHIR ids: 1–64 of `A–Z a–z 0–9 - .` (FHIR R4 datatypes.html#id). */
const fhirId = /^[A-Za-z0-9.-]{1,64}$/;

function badAnswer<T>(message: string): Result<T> {
  return err(environmentErrorCodes.badResponse, message);
}

function signalOf(options: RequestOptions | undefined): { signal?: AbortSignal } {
  return options?.signal ? { signal: options.signal } : {};
}

/** Why a DocumentReference from the server cannot be used, if it cannot. */
function documentProblem(resource: DocumentReference): string | undefined {
  if (typeof resource.status !== 'string') return 'its DocumentReference has no status';
  if (!Array.isArray(resource.content)) return 'its DocumentReference has no content';
  return undefined;
}

function checkedId(resourceId: string): Result<string> {
  return fhirId.test(resourceId)
    ? ok(encodeURIComponent(resourceId))
    : err(environmentErrorCodes.notFound, `'${resourceId}' is not a FHIR resource id.`);
}

/** The attachment that carries the document: inline data first, then a URL. */
function documentAttachment(reference: DocumentReference): FhirAttachment | undefined {
  const attachments = reference.content.map((content) => content.attachment);
  return (
    attachments.find((attachment) => typeof attachment.data === 'string') ??
    attachments.find((attachment) => typeof attachment.url === 'string')
  );
}

async function attachmentBytes(
  client: FhirClient,
  attachment: FhirAttachment,
  options: RequestOptions | undefined,
): Promise<Result<{ bytes: Uint8Array; contentType?: string }>> {
  if (typeof attachment.data === 'string')
    return ok({ bytes: new Uint8Array(Buffer.from(attachment.data, 'base64')) });
  const url = attachment.url ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url))
    return badAnswer(`The document's attachment points to '${url}', which is not an HTTP address.`);
  const binary = await client.get<Binary>(url, signalOf(options));
  if (!binary.ok) return binary;
  const body = binary.value.body;
  if (body.resourceType !== 'Binary' || typeof body.data !== 'string')
    return badAnswer(`The attachment ${url} is not a Binary with data.`);
  return ok({
    bytes: new Uint8Array(Buffer.from(body.data, 'base64')),
    ...(typeof body.contentType === 'string' ? { contentType: body.contentType } : {}),
  });
}

interface CapabilityStatement {
  readonly resourceType: string;
  readonly fhirVersion?: unknown;
  readonly software?: { readonly name?: unknown; readonly version?: unknown };
}

function softwareName(statement: CapabilityStatement): string | undefined {
  const { name, version } = statement.software ?? {};
  if (typeof name !== 'string') return undefined;
  return typeof version === 'string' ? `${name} ${version}` : name;
}

/** Connects to one FHIR base URL. */
export function createFhirConnection(options: FhirConnectionOptions): EnvironmentConnection {
  const client = createFhirClient(options);

  async function readReference(id: string, requestOptions?: RequestOptions) {
    const read = await client.get<DocumentReference>(
      `DocumentReference/${id}`,
      signalOf(requestOptions),
    );
    if (!read.ok) return read;
    const reference = read.value.body;
    if (reference.resourceType !== 'DocumentReference')
      return badAnswer<DocumentReference>(
        `DocumentReference/${id} came back as a ${String(reference.resourceType)}.`,
      );
    const problem = documentProblem(reference);
    return problem
      ? badAnswer<DocumentReference>(`DocumentReference/${id}: ${problem}.`)
      : ok(reference);
  }

  return {
    search(query, searchOptions = {}) {
      const params = documentSearchParams(query, options.pageSize);
      return collectPages<DocumentReference>(client, `DocumentReference?${params.toString()}`, {
        resourceType: 'DocumentReference',
        check: documentProblem,
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
        ...(searchOptions.onProgress ? { onProgress: searchOptions.onProgress } : {}),
        ...signalOf(searchOptions),
      });
    },

    async read(resourceId, requestOptions) {
      const id = checkedId(resourceId);
      if (!id.ok) return id;
      const reference = await readReference(id.value, requestOptions);
      if (!reference.ok) return reference;
      const attachment = documentAttachment(reference.value);
      if (!attachment)
        return badAnswer<FetchedDocument>(
          `DocumentReference/${resourceId} has no attachment with data or a URL.`,
        );
      const content = await attachmentBytes(client, attachment, requestOptions);
      if (!content.ok) return content;
      return ok({
        reference: reference.value,
        bytes: content.value.bytes,
        contentType:
          content.value.contentType ?? attachment.contentType ?? 'application/octet-stream',
      });
    },

    async history(resourceId, requestOptions) {
      const id = checkedId(resourceId);
      if (!id.ok) return id;
      // FHIR R4 http.html#history: versions come newest first; kept in the server's order.
      return collectPages<DocumentReference>(client, `DocumentReference/${id.value}/_history`, {
        resourceType: 'DocumentReference',
        check: documentProblem,
        ...signalOf(requestOptions),
      });
    },

    async provenanceFor(resourceId, requestOptions) {
      const id = checkedId(resourceId);
      if (!id.ok) return id;
      return collectPages<Provenance>(client, `Provenance?target=DocumentReference/${id.value}`, {
        resourceType: 'Provenance',
        ...signalOf(requestOptions),
      });
    },

    async check(requestOptions): Promise<Result<ConnectionCheck>> {
      const metadata = await client.get<CapabilityStatement>('metadata', signalOf(requestOptions));
      if (!metadata.ok) return metadata;
      const statement = metadata.value.body;
      if (statement.resourceType !== 'CapabilityStatement')
        return badAnswer(
          `/metadata answered a ${statement.resourceType}, not a CapabilityStatement.`,
        );
      const count = await client.get<Bundle>(
        'DocumentReference?_summary=count',
        signalOf(requestOptions),
      );
      // A server that cannot count still passes the check; a network failure does not.
      if (!count.ok && count.error.code !== environmentErrorCodes.httpStatus) return count;
      const total = count.ok ? count.value.body.total : undefined;
      const software = softwareName(statement);
      return ok({
        ...(typeof statement.fhirVersion === 'string'
          ? { fhirVersion: statement.fhirVersion }
          : {}),
        ...(software ? { software } : {}),
        ...(typeof total === 'number' ? { documentCount: total } : {}),
      });
    },

    async invalidate(provenance, writeOptions) {
      const created = await client.post<Provenance>('Provenance', provenance, {
        requestId: writeOptions.requestId,
        ...(writeOptions.ifNoneExist ? { ifNoneExist: writeOptions.ifNoneExist } : {}),
        ...signalOf(writeOptions),
      });
      if (!created.ok) return created;
      const body = created.value.body;
      // The write happened (2xx), so a strange answer is reported, not treated as a failure to write.
      if (body.resourceType !== 'Provenance')
        return badAnswer(
          `POST Provenance answered a ${String(body.resourceType)}; read the document back to see whether it was invalidated.`,
        );
      return ok(body);
    },

    close() {
      client.close();
    },
  };
}
