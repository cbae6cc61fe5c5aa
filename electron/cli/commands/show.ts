/**
 * `archivist show <file>`: one document's metadata, as the model (`--json`, field names of
 * ARCHITECTURE.md "Metadata model", plus a `findings` array) or as a grouped summary that opens
 * with what is wrong with the document (document-findings.ts) and marks identity-code findings.
 * Showing a document is a read of patient data, so the read AuditEvent is durable in the home's
 * journal before anything is printed (write-ahead rule); when the journal cannot be written,
 * nothing is printed. Refusals of the document itself (not XML, DTDs, caps, broken MIME, …) are
 * one line on stderr and exit 1.
 */
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { readEvent, type AuditContext } from '../../../shared/audit/builders';
import { withResourceReference } from '../../../shared/audit/resource-reference';
import { documentFindings } from '../../../shared/documents/document-findings';
import type { DocumentMetadata, InstanceId } from '../../../shared/documents/model';
import { formatMetadataSummary } from '../../../shared/documents/summary';
import { HETU_ROOT } from '../../../shared/identity/scan';
import { openJournal } from '../../services/audit/journal';
import { loadDocument } from '../../services/documents/load-document';
import { resolveHome } from '../../services/home';
import { fileProblem } from '../../services/files/file-problem';
import { tooLarge } from '../../services/xml/decode-xml-bytes';
import { defaultXmlLimits } from '../../services/xml/xml-limits';
import { cliContext } from '../audit-context';
import { parseEnvironmentReference, readEnvironmentDocument } from '../environment-document';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  parseCommandArgs,
  type CliIo,
  type Command,
  unexpectedArgument,
} from '../command';

const help = `Usage: archivist show <file|env:NAME:id> [--json] [--lang fi|en] [--home DIR]

Shows one document's metadata: a CDA R2 document with the Finnish header, an HL7 V3 RCMR archive
message (the CDA inside it is unwrapped and read, the message fields are shown beside it), or a
FHIR DocumentReference as XML or JSON. Identity codes found anywhere in the document are checked;
a code that is invalid or not a test code (individual number 900-999) is marked with !!.
Findings come first, each marked with !!: for env: documents, fields where the environment's
DocumentReference disagrees with the CDA header; a register, confidentiality or custodian type
code outside its Kanta list; a patient-record document without its service event id.
Signatures are not verified.

Options:
  --json         the metadata model as JSON (field names as in ARCHITECTURE.md "Metadata model"),
                 with the findings added as findings: kind, where, message
  --lang fi|en   language of code labels in the summary (default fi)
  --home DIR     home folder whose audit journal records the read

Showing a document is recorded in the audit journal before anything is printed; if the journal
cannot be written, nothing is shown. Files over 50 MB, DTDs and entities, and malformed XML are
refused. env:NAME:<document id> reads the document from the environment of profile NAME: the
id is the resource id archivist search lists, or else the document id (ClinicalDocument/id,
root or root^extension), looked up as archivist compare does.

Exit codes: 0 shown, 1 refused (unreadable file, not a supported document, audit journal not
writable), 2 bad usage.

Examples:
  archivist show prescription.xml
  archivist show message.xml --json > metadata.json
  archivist show env:sandbox:seed-doc-1 --json
`;

const options = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  home: { type: 'string' },
} as const;

function checkOperand(positionals: readonly string[]): string {
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError('Give the document file to show.');
  if (extra !== undefined) throw unexpectedArgument(extra);
  parseEnvironmentReference(file); // a malformed env: reference is a usage error before any read
  return file;
}

function languageOf(value: string | undefined): 'fi' | 'en' {
  if (value === undefined || value === 'fi' || value === 'en') return value ?? 'fi';
  throw new UsageError('--lang must be fi or en.');
}

/** The file's bytes; a file over the cap is refused before it is read into memory. */
async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  const full = path.resolve(cwd, file);
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new CommandFailure(`Could not read ${file} (it is a folder).`);
    if (!info.isFile()) throw new CommandFailure(`Could not read ${file} (not a regular file).`);
    if (info.size > defaultXmlLimits.maxBytes)
      throw new CommandFailure(
        `${file}: ${tooLarge(info.size, defaultXmlLimits.maxBytes).message}`,
      );
    return new Uint8Array(await readFile(full));
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw new CommandFailure(fileProblem(error, file, 'read'));
  }
}

/** The contract is one line on stderr, whatever a message or a file name contains. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+\s*/g, ' ');
}

/** `root^extension`, as compare records ids, so `audit list --document` finds both. */
function idText(id: InstanceId): string {
  return id.extension === undefined ? id.root : `${id.root}^${id.extension}`;
}

/**
 * Write-ahead: the read is durable in the journal before anything is printed. An env: document
 * is named by its resource too, so `audit list --document` finds it by either id.
 */
async function recordRead(
  home: string,
  side: { readonly context: AuditContext; readonly resourceId?: string },
  metadata: DocumentMetadata,
  file: string,
): Promise<void> {
  const journal = await openJournal(home);
  if (!journal.ok) throw new CommandFailure(journal.error.message);
  try {
    const patient = metadata.patient?.id;
    const hetu = patient?.root === HETU_ROOT ? patient.extension : undefined;
    const documentId = metadata.id.root === '' ? `(no id) ${file}` : idText(metadata.id);
    const recorded = await journal.value.recordBefore(
      withResourceReference(readEvent(side.context, documentId, hetu), side.resourceId),
      'nothing was shown',
    );
    if (!recorded.ok) throw new CommandFailure(recorded.error.message);
  } finally {
    journal.value.close();
  }
}

export const showCommand: Command = {
  name: 'show',
  summary: "show one document's metadata (CDA, RCMR message, FHIR DocumentReference)",
  help,
  run: async (args, io: CliIo) => {
    const { values, positionals } = parseCommandArgs(args, options, true);
    const file = checkOperand(positionals);
    const language = languageOf(values.lang);
    const home = resolveHome({
      explicitHome: values.home,
      env: io.env,
      platform: process.platform,
      userHome: homedir(),
    });
    const reference = parseEnvironmentReference(file);
    // An env: document is recorded in its profile's context (operator, environment), a file as
    // the OS user's without an environment.
    const read = reference
      ? await readEnvironmentDocument(home, reference, io, file)
      : { bytes: await readInput(file, io.cwd), context: cliContext() };
    const loaded = await loadDocument(read.bytes, { source: file });
    if (!loaded.ok) throw new CommandFailure(oneLine(`${file}: ${loaded.error.message}`));
    const metadata = loaded.value.metadata;
    await recordRead(home, read, metadata, file);
    const findings = documentFindings(metadata, 'reference' in read ? read.reference : undefined);
    io.stdout(
      values.json
        ? `${JSON.stringify({ ...metadata, findings }, null, 2)}\n`
        : `${formatMetadataSummary(metadata, { language, findings })}\n`,
    );
    return ExitCode.ok;
  },
};
