/**
 * Who a read names in the audit journal when a command needs a document's raw bytes only (the
 * command line's `compare --format unified`, issue 7): the document id and patient from its header,
 * without parsing or mapping the body. A CDA header is read on the calling thread (parseHeader is
 * bounded by the header cap, a few milliseconds even for 20 MB documents) and only its id and
 * patient are taken from it; other XML is read with readDocument's header mode; JSON, an HL7 V3 RCMR
 * message (its CDA is Base64 inside) or a header past the cap go through loadHeader. A file that
 * is not a readable document is still a read of whatever it holds, so it is named by where it came
 * from and its SHA-256 (`<source>#sha256=<hex>`), never left out of the journal.
 */
import { createHash } from 'node:crypto';
import { readId, readIds } from '../../../shared/documents/datatypes';
import type { DocumentMetadata } from '../../../shared/documents/model';
import { readDocument, detectDocumentKind } from '../../../shared/documents/read-document';
import { child, path } from '../../../shared/documents/xml-access';
import type { XmlElement } from '../../../shared/xml/tree';
import { parseHeader } from '../xml/parse-header';
import { looksLikeJson } from './fhir-json-input';

/** What a read AuditEvent needs to name one document. */
export interface DocumentIdentity {
  /** As a comparison names it (`root^extension`), or `<source>#sha256=<hex>` for a non-document. */
  readonly id: string;
  /** The patient's HETU, when the document's patient id is one (root 1.2.246.21). */
  readonly patientHetu?: string;
  /** False when the bytes are not a document Archivist can read: `id` is then source and hash. */
  readonly isDocument: boolean;
}

const hetuRoot = '1.2.246.21';

interface Named {
  readonly id: { readonly root: string; readonly extension?: string };
  readonly patientId: { readonly root: string; readonly extension?: string } | undefined;
}

/** The same id text and HETU as shared/compare's comparedDocument, so journals name reads alike. */
function identityOf({ id, patientId }: Named): DocumentIdentity {
  return {
    id: id.extension === undefined ? id.root : `${id.root}^${id.extension}`,
    ...(patientId?.root === hetuRoot && patientId.extension
      ? { patientHetu: patientId.extension }
      : {}),
    isDocument: true,
  };
}

/**
 * A CDA's id and patient id as readCdaDocument reads them (`ClinicalDocument/id`; the first
 * hetu id of `recordTarget/patientRole`, else its first id), without mapping the rest of the
 * header: in a process that runs once, the mapping's first run (code tables, labels) costs more
 * than the whole read (identify-document.test.ts checks both agree).
 */
function cdaNames(root: XmlElement): Named {
  const idElement = child(root, 'id');
  const ids = readIds(path(root, 'recordTarget', 'patientRole'));
  return {
    id: idElement ? readId(idElement) : { root: '' },
    patientId: ids.find((id) => id.root === hetuRoot) ?? ids[0],
  };
}

/** The header read on this thread; undefined when only loadHeader's slower ways can read it. */
function readCdaHeader(bytes: Uint8Array): Named | 'other' | undefined {
  if (looksLikeJson(bytes)) return 'other';
  const header = parseHeader(bytes);
  if (!header.ok) return header.error.code === 'xml-header-too-large' ? 'other' : undefined;
  const root = header.value.root;
  const kind = detectDocumentKind(root);
  if (kind === 'cda') return cdaNames(root);
  if (kind === 'rcmr') return 'other';
  const metadata = readDocument(root, { body: false });
  return metadata.ok ? namesOf(metadata.value) : undefined;
}

function namesOf(metadata: DocumentMetadata): Named {
  return { id: metadata.id, patientId: metadata.patient?.id };
}

/** A document's identity for the audit journal from its bytes. Never rejects. */
export async function identifyDocument(
  bytes: Uint8Array,
  source: string,
): Promise<DocumentIdentity> {
  let read: ReturnType<typeof readCdaHeader>;
  try {
    read = readCdaHeader(bytes);
  } catch {
    read = undefined; // a reader bug must not lose the read: the file is then named by its hash
  }
  if (read !== undefined && read !== 'other') return identityOf(read);
  if (read === 'other') {
    // Loaded only here: it brings the XML worker pool (worker_threads), which a CDA never needs.
    const { loadHeader } = await import('./load-document');
    const loaded = await loadHeader(bytes);
    if (loaded.ok) return identityOf(namesOf(loaded.value.metadata));
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { id: `${source}#sha256=${sha256}`, isDocument: false };
}
