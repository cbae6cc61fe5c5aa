/** Reading the journal back: verify, list with filters, export as JSON or CSV. */
import { loadVerifier } from './keys';
import { auditPaths, readCheckpoints, readJournal } from './files';
import { nodeSha256 } from './journal';
import { verifyJournal, type VerifyOutcome } from '../../../shared/audit/verify';
import {
  matchesFilter,
  toRow,
  type AuditFilter,
  type AuditRow,
} from '../../../shared/audit/filter';
import type { ChainedRecord } from '../../../shared/audit/canonical';
import { resourceIdOf } from '../../../shared/audit/resource-reference';

/** Verifies the whole journal of `home` against its chain and signed checkpoints. */
export function verifyHome(home: string): VerifyOutcome & { torn: number } {
  const { lines, torn } = readJournal(home);
  const checkpoints = readCheckpoints(home);
  const verifier = loadVerifier(auditPaths(home).dir);
  if (!verifier && checkpoints.length > 0)
    return {
      ok: false,
      sequence: null,
      where: 'keys/checkpoint-ed25519.pub',
      reason: 'the public key that signed the checkpoints is missing',
      torn: torn.length,
    };
  const outcome = verifyJournal(lines, checkpoints, nodeSha256, verifier ?? (() => false));
  return { ...outcome, torn: torn.length };
}

/**
 * Substrings a matching line must contain. Parsing 100,000 records costs seconds; a substring
 * scan first leaves only likely matches to parse, and matchesFilter still decides.
 */
function needles(filter: AuditFilter): string[] {
  const out: string[] = [];
  if (filter.patient) out.push(`"value":${JSON.stringify(filter.patient)}`);
  // A document is matched as `DocumentReference/<id>` or the bare id alike: both hold the bare id.
  if (filter.document) out.push(JSON.stringify(resourceIdOf(filter.document)).slice(1, -1));
  if (filter.action) out.push(`"action":${JSON.stringify(filter.action)}`);
  if (filter.outcome) out.push(`"outcome":${JSON.stringify(filter.outcome)}`);
  return out;
}

/** The records of `home` that pass `filter`, in journal order; unreadable lines are skipped. */
export function listRecords(home: string, filter: AuditFilter): ChainedRecord[] {
  const out: ChainedRecord[] = [];
  const required = needles(filter);
  for (const line of readJournal(home).lines) {
    if (!required.every((needle) => line.text.includes(needle))) continue;
    let record: ChainedRecord;
    try {
      record = JSON.parse(line.text) as ChainedRecord;
    } catch {
      continue; // verify names broken lines; listing shows what can be read
    }
    if (matchesFilter(record, filter)) out.push(record);
  }
  return out;
}

const csvColumns: readonly (keyof AuditRow)[] = [
  'sequence',
  'recorded',
  'kind',
  'action',
  'outcome',
  'operator',
  'osUser',
  'patient',
  'document',
  'environment',
  'detail',
];

function csvCell(value: string | number): string {
  const text = String(value);
  // Leading = + - @ would run as formulas in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV with a header row, one row per record. */
export function toCsv(records: readonly ChainedRecord[]): string {
  const rows = records.map((record) => {
    const row = toRow(record);
    return csvColumns.map((column) => csvCell(row[column])).join(',');
  });
  return `${[csvColumns.join(','), ...rows].join('\n')}\n`;
}
