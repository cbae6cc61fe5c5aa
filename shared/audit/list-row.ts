/**
 * A record as the Audit tab shows it (review 11, finding 6): the flat row plus what a team lead
 * needs to read it. An invalidation attempt is recorded as "success" before anything is sent
 * (write-ahead), so the tab shows the outcome of the record that closes it instead, and both
 * records name each other's sequence. The request id is kept apart from the document ids, and
 * an operator without a registration number is named as the local user it is.
 */
import type { ChainedRecord } from './canonical';
import { ATTEMPT_SYSTEM, HETU_SYSTEM, type AuditEvent, type AuditOutcome } from './event';
import { entityDetails, toRow, type AuditRow } from './filter';

/** The record that closes an attempt: its sequence and outcome code. */
export interface ClosingOutcome {
  readonly sequence: number;
  readonly outcome: AuditOutcome;
}

/** How a record takes part in an invalidation's attempt and outcome pair, if it does. */
export type AttemptLink =
  | { readonly role: 'attempt'; readonly closedBy?: ClosingOutcome }
  | { readonly role: 'outcome'; readonly attempt: number };

export interface AuditListRow extends AuditRow {
  /** The ids the record names its documents by, without the request id. */
  readonly documents: readonly string[];
  /** The client request id an invalidation sent (`urn:uuid:…`), or empty. */
  readonly requestId: string;
  /** The outcome description and each entity's details, one line each. */
  readonly detailLines: readonly string[];
  readonly link?: AttemptLink;
}

/** The attempt sequence an outcome record names, if it is one. */
export function attemptSequenceOf(event: AuditEvent): number | undefined {
  const link = event.entity.find((entity) => entity.what.identifier?.system === ATTEMPT_SYSTEM);
  return link ? Number(link.what.identifier?.value) : undefined;
}

/** An invalidation attempt names the request it is about to send and no earlier attempt. */
function isAttempt(event: AuditEvent): boolean {
  return (
    event.entity.some((entity) => entity.name === 'request') &&
    attemptSequenceOf(event) === undefined
  );
}

/** Each attempt's closing record, from the journal's outcome records (the last one wins). */
export function closingOutcomes(
  outcomeRecords: readonly ChainedRecord[],
): Map<number, ClosingOutcome> {
  const closers = new Map<number, ClosingOutcome>();
  for (const record of outcomeRecords) {
    const attempt = attemptSequenceOf(record.event);
    if (attempt !== undefined)
      closers.set(attempt, { sequence: record.sequence, outcome: record.event.outcome });
  }
  return closers;
}

function linkOf(
  record: ChainedRecord,
  closers: ReadonlyMap<number, ClosingOutcome>,
): AttemptLink | undefined {
  const attempt = attemptSequenceOf(record.event);
  if (attempt !== undefined) return { role: 'outcome', attempt };
  if (!isAttempt(record.event)) return undefined;
  const closedBy = closers.get(record.sequence);
  return closedBy ? { role: 'attempt', closedBy } : { role: 'attempt' };
}

/** The row of `record`; `closers` from closingOutcomes over the whole journal. */
export function toListRow(
  record: ChainedRecord,
  closers: ReadonlyMap<number, ClosingOutcome>,
): AuditListRow {
  const { event } = record;
  const documents = new Set<string>();
  let requestId = '';
  for (const entity of event.entity) {
    const id = entity.what.identifier;
    if (!id || id.system === HETU_SYSTEM || id.system === ATTEMPT_SYSTEM) continue;
    if (entity.name === 'request') requestId = id.value;
    else documents.add(id.value);
  }
  const link = linkOf(record, closers);
  return {
    ...toRow(record),
    documents: [...documents],
    requestId,
    detailLines: [event.outcomeDesc ?? '', ...entityDetails(event)].filter(Boolean),
    ...(link ? { link } : {}),
  };
}
