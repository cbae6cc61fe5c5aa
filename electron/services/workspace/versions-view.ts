/**
 * The Versions tab: every document of the opened document's series (CDA setId), read header
 * first and grouped by buildVersionChains into the chain with derived states (current, replaced,
 * invalidated) and RPLC links, plus the FHIR `_history` of the opened resource. Showing the chain
 * discloses the series' metadata, so it is recorded as a query on the patient before returning.
 */
import { queryEvent, type AuditContext } from '../../../shared/audit/builders';
import { readFhirDocumentReference } from '../../../shared/documents/fhir';
import type { DocumentMetadata } from '../../../shared/documents/model';
import {
  buildVersionChains,
  type ChainConflict,
  type ChainNote,
  type ChainInput,
} from '../../../shared/documents/version-chain';
import type { DocumentReference } from '../../../shared/fhir/resources';
import type { VersionEntry, VersionsView } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import { loadHeader } from '../documents/load-document';
import type { EnvironmentConnection } from '../environments/connection';
import { recordAll } from './audit-trail';
import { documentRow } from './document-rows';
import { documentKey, patientHetu } from './open-document';

/** At most this many versions are read for one chain (real series are a handful). */
const maxVersions = 200;

interface ReadVersion {
  readonly reference: DocumentReference;
  readonly meta: DocumentMetadata;
}

async function readVersion(
  connection: EnvironmentConnection,
  resourceId: string,
): Promise<Result<ReadVersion>> {
  const fetched = await connection.read(resourceId);
  if (!fetched.ok) return fetched;
  const header = await loadHeader(fetched.value.bytes);
  if (!header.ok) return header;
  // The CDA knows the series; the DocumentReference knows the server-side status.
  const fhir = readFhirDocumentReference(fetched.value.reference);
  const meta =
    fhir.ok && fhir.value.fhir
      ? { ...header.value.metadata, fhir: fhir.value.fhir }
      : header.value.metadata;
  return ok({ reference: fetched.value.reference, meta });
}

function describeFinding(finding: ChainConflict | ChainNote): string {
  switch (finding.kind) {
    case 'version-conflict':
      return `Version ${finding.versionNumber ?? '?'} appears more than once (${finding.keys.join(', ')}).`;
    case 'id-reused':
      return `The document id ${finding.id.root} is used by different documents (${finding.keys.join(', ')}).`;
    case 'duplicate':
      return `${finding.keys.join(' and ')} are identical copies.`;
    case 'missing-link':
      return `${finding.key} replaces ${finding.target.root}, which is not in this environment's answer.`;
  }
}

/** Reads in small batches so a long series does not open dozens of sockets at once. */
async function readAll(
  connection: EnvironmentConnection,
  ids: readonly string[],
): Promise<Result<ReadVersion[]>> {
  const out: ReadVersion[] = [];
  for (let start = 0; start < ids.length; start += 4) {
    const batch = await Promise.all(
      ids.slice(start, start + 4).map((id) => readVersion(connection, id)),
    );
    for (const read of batch) {
      if (!read.ok) return read;
      out.push(read.value);
    }
  }
  return ok(out);
}

export async function versionsView(
  home: string,
  connection: EnvironmentConnection,
  context: AuditContext,
  resourceId: string,
): Promise<Result<VersionsView>> {
  const opened = await readVersion(connection, resourceId);
  if (!opened.ok) return opened;
  const setId = opened.value.meta.setId;
  const setIdText = setId ? setId.root : '';
  const series = setId
    ? await connection.search({ setId: setId.root, limit: maxVersions })
    : ok([]);
  if (!series.ok) return series;
  const others = series.value.map((r) => r.id ?? '').filter((id) => id !== '' && id !== resourceId);
  const rest = await readAll(connection, others);
  if (!rest.ok) return rest;
  const all = [opened.value, ...rest.value];
  const inputs: ChainInput[] = all.map((version) => ({
    key: version.reference.id ?? resourceId,
    meta: version.meta,
  }));
  const result = buildVersionChains(inputs);
  const chain = result.chains.find((c) => c.versions.some((v) => v.key === resourceId));
  if (!chain)
    return err('versions-missing', 'The opened document is not in its own version chain.');
  const byKey = new Map(all.map((v) => [v.reference.id ?? resourceId, v]));
  const versions: VersionEntry[] = chain.versions.map((version) => {
    const read = byKey.get(version.key);
    const row = read ? documentRow(read.reference) : undefined;
    return {
      resourceId: version.key,
      documentId: documentKey({ ...opened.value.meta, id: version.id }),
      ...(version.versionNumber === undefined ? {} : { versionNumber: version.versionNumber }),
      date: row?.date ?? read?.meta.effectiveTime ?? '',
      title: read?.meta.title ?? row?.title ?? '',
      state: version.state,
      isInvalidation: version.isInvalidation,
      replaces: version.replaces,
      replacedBy: version.replacedBy,
    };
  });
  const history = await connection.history(resourceId);
  const hetu = patientHetu(opened.value.meta);
  const recorded = await recordAll(
    home,
    hetu ? [queryEvent(context, hetu, `DocumentReference?setid=${setIdText}`)] : [],
    'the version chain is not shown',
  );
  if (!recorded.ok) return recorded;
  return ok({
    setId: setIdText,
    chainStatus: chain.status,
    versions,
    history: history.ok
      ? history.value.map((entry) => ({
          versionId: entry.meta?.versionId ?? '',
          lastUpdated: entry.meta?.lastUpdated ?? '',
          status: entry.status,
        }))
      : [],
    findings: [...chain.conflicts, ...chain.notes].map(describeFinding),
  });
}
