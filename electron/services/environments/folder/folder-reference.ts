/**
 * A document file of a folder environment as the FHIR DocumentReference a server would answer,
 * so the app's one code path (rows, versions, open) serves folders too. The identifier systems
 * are the sandbox's (electron/sandbox/seed/document-reference.ts), which the document table
 * already reads for setId and versionNumber.
 */
import type { DocumentMetadata, InstanceId } from '../../../../shared/documents/model';
import type { DocumentReference } from '../../../../shared/fhir/resources';

const systems = {
  documentId: 'urn:ietf:rfc:3986',
  setId: 'urn:archivist:cda:setId',
  versionNumber: 'urn:archivist:cda:versionNumber',
} as const;

/** One indexed file: where it is and what its header says. */
export interface FolderEntry {
  readonly resourceId: string;
  /** Path relative to the folder, `/`-separated. */
  readonly relativePath: string;
  readonly byteSize: number;
  readonly metadata: DocumentMetadata;
}

/** `root^extension`, the form the app shows and searches ids in. */
export function instanceText(id: InstanceId | undefined): string {
  if (!id || id.root === '') return '';
  return id.extension ? `${id.root}^${id.extension}` : id.root;
}

/**
 * An HL7 V3 TS (`20150430115828+0200`) as an ISO date or date-time; the zone is kept when the
 * document gives one. Anything else comes back unchanged.
 */
export function isoFromHl7Time(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$/.exec(
    value ?? '',
  );
  if (!match) return value;
  const [, year, month, day, hour, minute, second, zone] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return date;
  const offset = zone ? `${zone.slice(0, 3)}:${zone.slice(3)}` : '';
  return `${date}T${hour}:${minute}:${second ?? '00'}${offset}`;
}

/** The date part (YYYY-MM-DD) of a document, for date-range searches; '' when unknown. */
export function dayOfEntry(entry: FolderEntry): string {
  return (isoFromHl7Time(entry.metadata.effectiveTime) ?? '').slice(0, 10);
}

/** The view codes (näkymä) of the local header's table of contents. */
export function viewCodesOf(metadata: DocumentMetadata): string[] {
  return (metadata.localHeader?.tableOfContents ?? []).map((entry) => entry.code).filter(Boolean);
}

function urnOid(id: InstanceId): string {
  return `urn:oid:${instanceText(id)}`;
}

/** The DocumentReference of one entry; `status` is decided by the folder (latest of its setId). */
export function folderDocumentReference(
  entry: FolderEntry,
  status: DocumentReference['status'],
): DocumentReference {
  const { metadata } = entry;
  const view = metadata.localHeader?.tableOfContents?.[0];
  const hetu = metadata.patient?.id;
  const custodian = metadata.custodian;
  const date = isoFromHl7Time(metadata.effectiveTime);
  return {
    resourceType: 'DocumentReference',
    id: entry.resourceId,
    masterIdentifier: { system: systems.documentId, value: urnOid(metadata.id) },
    identifier: [
      { system: systems.documentId, value: urnOid(metadata.id), use: 'official' },
      ...(metadata.setId ? [{ system: systems.setId, value: urnOid(metadata.setId) }] : []),
      ...(metadata.versionNumber !== undefined
        ? [{ system: systems.versionNumber, value: String(metadata.versionNumber) }]
        : []),
    ],
    status,
    ...(view
      ? { type: { coding: [{ system: `urn:oid:${view.codeSystem}`, code: view.code }] } }
      : {}),
    ...(metadata.register
      ? {
          category: [
            {
              coding: [
                {
                  system: `urn:oid:${metadata.register.codeSystem}`,
                  code: metadata.register.code,
                  ...(metadata.register.displayName
                    ? { display: metadata.register.displayName }
                    : {}),
                },
              ],
            },
          ],
        }
      : {}),
    ...(hetu
      ? {
          subject: {
            identifier: { system: `urn:oid:${hetu.root}`, value: hetu.extension ?? '' },
          },
        }
      : {}),
    ...(date ? { date } : {}),
    description: metadata.title ?? entry.relativePath,
    ...(custodian?.name ? { custodian: { display: custodian.name } } : {}),
    content: [
      {
        attachment: {
          contentType: 'application/hl7-v3+xml',
          url: `file:${entry.relativePath}`,
          size: entry.byteSize,
          title: entry.relativePath,
        },
      },
    ],
    ...(metadata.serviceEventId
      ? {
          context: {
            encounter: [
              {
                identifier: { system: systems.documentId, value: urnOid(metadata.serviceEventId) },
              },
            ],
          },
        }
      : {}),
  };
}
