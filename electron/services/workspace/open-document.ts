/**
 * Opening one document for the document view: read the DocumentReference and its bytes, read
 * them into the metadata model through the XML worker, and record the read (BALP R) durable in
 * the journal before anything is returned. The read names the document by its OID and by its
 * resource, as the command line does, so the Audit tab finds its whole history by either id.
 * A failed read is recorded too, with its outcome. The answer carries the DocumentReference and
 * what is wrong with the document (document-findings.ts).
 */
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import { withResourceReference } from '../../../shared/audit/resource-reference';
import { documentFindings } from '../../../shared/documents/document-findings';
import type { DocumentMetadata } from '../../../shared/documents/model';
import type { DocumentReference } from '../../../shared/fhir/resources';
import { HETU_SYSTEM } from '../../../shared/audit/event';
import type { OpenedDocument } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import { loadDocument } from '../documents/load-document';
import type { EnvironmentConnection } from '../environments/connection';
import { recordAll } from './audit-trail';
import { rowStatusOf } from './document-rows';

const hetuRoot = HETU_SYSTEM.replace(/^urn:oid:/, '');

/** The document OID as the audit trail names it. */
export function documentKey(meta: DocumentMetadata): string {
  return meta.id.extension ? `${meta.id.root}^${meta.id.extension}` : meta.id.root;
}

/** The patient's hetu when the document identifies the patient by one. */
export function patientHetu(meta: DocumentMetadata): string | undefined {
  const id = meta.patient?.id;
  return id?.root === hetuRoot && id.extension ? id.extension : undefined;
}

/** The reference without inline attachment data: the bytes are in `text` already. */
function withoutInlineData(reference: DocumentReference): DocumentReference {
  return {
    ...reference,
    content: reference.content.map(({ attachment, ...rest }) => {
      const { data: _data, ...kept } = attachment;
      return { ...rest, attachment: kept };
    }),
  };
}

export interface OpenInput {
  readonly profileId: string;
  readonly resourceId: string;
  readonly signal?: AbortSignal;
}

export async function openDocument(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  input: OpenInput,
): Promise<Result<OpenedDocument>> {
  const fetched = await connection.read(input.resourceId, {
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const loaded = fetched.ok
    ? await loadDocument(fetched.value.bytes, { source: `${input.profileId}:${input.resourceId}` })
    : fetched;
  if (!loaded.ok) {
    const failure = readEvent(context, input.resourceId, undefined, {
      code: '8',
      description: loaded.error.message,
    });
    await recordAll(home, [failure], 'the failure was not recorded');
    return loaded;
  }
  if (!fetched.ok) return err('internal-error', 'The document was not read.');
  const metadata = loaded.value.metadata;
  const reference = fetched.value.reference;
  const read = readEvent(context, documentKey(metadata), patientHetu(metadata));
  const recorded = await recordAll(
    home,
    [withResourceReference(read, reference.id ?? input.resourceId)],
    'the document is not shown',
  );
  if (!recorded.ok) return recorded;
  return ok({
    profileId: input.profileId,
    resourceId: input.resourceId,
    status: rowStatusOf(reference.status),
    metadata,
    text: loaded.value.xml,
    contentKind: loaded.value.contentKind,
    byteSize: loaded.value.byteSize,
    auditSequence: recorded.value?.sequence ?? 0,
    documentReference: withoutInlineData(reference),
    findings: documentFindings(metadata, reference),
  });
}
