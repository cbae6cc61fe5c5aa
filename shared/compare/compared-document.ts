/** Who a compared document is (issue 7): the identity summary a comparison gives of each side. */
import type { DocumentMetadata } from '../documents/model';
import type { StoredStatus } from './metadata-status';

/** Who a compared document is, for headings, reports and the audit trail. */
export interface ComparedDocument {
  readonly format: DocumentMetadata['format'];
  /** root, or root^extension. */
  readonly id: string;
  readonly setId?: string;
  readonly versionNumber?: number;
  readonly title?: string;
  /** The personal identity code (hetu) when the patient has one (root 1.2.246.21). */
  readonly patientHetu?: string;
  /** The status its environment stores for it; absent for a local file. */
  readonly storedStatus?: StoredStatus;
}

const hetuRoot = '1.2.246.21';

function idText(id: { readonly root: string; readonly extension?: string }): string {
  return id.extension === undefined ? id.root : `${id.root}^${id.extension}`;
}

/** The identity summary of one side. */
export function comparedDocument(metadata: DocumentMetadata): ComparedDocument {
  const patient = metadata.patient?.id;
  return {
    format: metadata.format,
    id: idText(metadata.id),
    ...(metadata.setId ? { setId: idText(metadata.setId) } : {}),
    ...(metadata.versionNumber !== undefined ? { versionNumber: metadata.versionNumber } : {}),
    ...(metadata.title !== undefined ? { title: metadata.title } : {}),
    ...(patient?.root === hetuRoot && patient.extension ? { patientHetu: patient.extension } : {}),
  };
}

/** The summary with the status its environment stores, when it has one. */
export function withStatus(
  document: ComparedDocument,
  status: StoredStatus | undefined,
): ComparedDocument {
  return status === undefined ? document : { ...document, storedStatus: status };
}
