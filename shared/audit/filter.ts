/** Filters for `archivist audit list`, and the flat row used by tables and CSV. */
import type { ChainedRecord } from './canonical';
import { ATTEMPT_SYSTEM, HETU_SYSTEM, type AuditEvent } from './event';
import { resourceIdOf } from './resource-reference';

export interface AuditFilter {
  readonly patient?: string | undefined;
  readonly document?: string | undefined;
  readonly action?: string | undefined;
  readonly outcome?: string | undefined;
  readonly operator?: string | undefined;
  /** The record's kind (kindOf): search, read, update (invalidation), export, configuration, … */
  readonly kind?: string | undefined;
  /** ISO times, inclusive; compared as strings since `recorded` is always UTC ISO. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** One record as a flat row. */
export interface AuditRow {
  readonly sequence: number;
  readonly recorded: string;
  readonly kind: string;
  readonly action: string;
  readonly outcome: string;
  readonly operator: string;
  readonly osUser: string;
  readonly patient: string;
  readonly document: string;
  readonly environment: string;
  readonly detail: string;
}

function identifiers(event: AuditEvent, predicate: (system: string) => boolean): string[] {
  const out: string[] = [];
  for (const entity of event.entity) {
    const id = entity.what.identifier;
    if (id && predicate(id.system)) out.push(id.value);
  }
  return out;
}

/** The ids a record names its documents by (not its patient, not an outcome's attempt link). */
function documentIds(event: AuditEvent): string[] {
  return identifiers(event, (s) => s !== HETU_SYSTEM && s !== ATTEMPT_SYSTEM);
}

/** What kind of action a record is: its subtype's code (search, read, export, …). */
export function kindOf(event: AuditEvent): string {
  return event.subtype[0]?.code ?? event.type.code;
}

/** Each entity's description, else its raw details as `type=value`. */
export function entityDetails(event: AuditEvent): string[] {
  return event.entity.flatMap((entity) =>
    entity.description
      ? [entity.description]
      : (entity.detail ?? []).map((d) => `${d.type}=${d.valueString}`),
  );
}

/** What registration number the app records for an operator without a test professional card. */
const NO_REGISTRATION = 'none';

/**
 * The operator as people read it: name and registration number, or for a local OS user without
 * a test professional card "root (local user, no registration number)", not "root (none)".
 */
export function operatorLabel(event: AuditEvent): string {
  const operator = event.agent.find((agent) => agent.requestor);
  if (!operator) return '';
  const name = operator.who.display ?? operator.altId ?? '';
  const registration = operator.who.identifier?.value;
  if (!registration || registration === NO_REGISTRATION)
    return `${name} (local user, no registration number)`;
  return `${name} (${registration})`;
}

/** Flattens a record for display and export. */
export function toRow(record: ChainedRecord): AuditRow {
  const { event } = record;
  const operator = event.agent.find((agent) => agent.requestor);
  // An export names every environment its documents came from; other events name one.
  const environments = [
    ...new Set(event.agent.filter((agent) => agent.network).map((agent) => agent.who.display)),
  ];
  const details = entityDetails(event);
  return {
    sequence: record.sequence,
    recorded: event.recorded,
    kind: kindOf(event),
    action: event.action,
    outcome: event.outcome,
    operator: operatorLabel(event),
    osUser: operator?.altId ?? '',
    patient: identifiers(event, (s) => s === HETU_SYSTEM).join(' '),
    // Both sides of an AT-against-TK export may be the same document: named once.
    document: [...new Set(documentIds(event))].join(' '),
    environment: environments.filter(Boolean).join(', '),
    detail: [event.outcomeDesc ?? '', ...details].filter(Boolean).join('; '),
  };
}

/**
 * Whether the record is about `wanted`: the same id, or the same resource whether either names it
 * `DocumentReference/<id>` or by the bare id (invalidation records the one, a failed read the other).
 */
function isAboutDocument(event: AuditEvent, wanted: string): boolean {
  const resourceId = resourceIdOf(wanted);
  return documentIds(event).some((id) => id === wanted || resourceIdOf(id) === resourceId);
}

/** True when the record passes every given filter. */
export function matchesFilter(record: ChainedRecord, filter: AuditFilter): boolean {
  const { event } = record;
  if (filter.action && event.action !== filter.action) return false;
  if (filter.kind && kindOf(event) !== filter.kind) return false;
  if (filter.outcome && event.outcome !== filter.outcome) return false;
  if (filter.from && event.recorded < filter.from) return false;
  if (filter.to && event.recorded > filter.to) return false;
  if (filter.patient && !identifiers(event, (s) => s === HETU_SYSTEM).includes(filter.patient))
    return false;
  if (filter.document && !isAboutDocument(event, filter.document)) return false;
  if (filter.operator) {
    const needle = filter.operator.toLowerCase();
    const found = event.agent.some(
      (agent) =>
        agent.requestor &&
        [agent.who.display, agent.who.identifier?.value, agent.altId].some((v) =>
          v?.toLowerCase().includes(needle),
        ),
    );
    if (!found) return false;
  }
  return true;
}
