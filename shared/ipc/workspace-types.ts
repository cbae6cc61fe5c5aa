/**
 * What the inspector UI exchanges with the workspace (electron/services/workspace): environment
 * overviews, search rows, an opened document, a version chain and audit rows. Plain JSON only
 * (ISO strings, arrays), because these cross IPC and the loopback bridge unchanged.
 */
import type { AuditListRow } from '../audit/list-row';
import type { DocumentFinding } from '../documents/document-findings';
import type { DocumentMetadata } from '../documents/model';
import type { CalendarWindow } from '../environments/calendar';
import type { EnvironmentKind, OperatorIdentity, Repository } from '../environments/profile';
import type { DocumentReference } from '../fhir/resources';

/** What the switcher shows about one environment's reachability. */
export interface ConnectionState {
  readonly state: 'unknown' | 'ok' | 'failed';
  /** ISO time of the last check or operation that told us. */
  readonly checkedAt?: string;
  /** The error code and sentence of the last failure. */
  readonly code?: string;
  readonly message?: string;
}

/** The calendar as the banner needs it: what is on now, and what comes next. */
export interface CalendarView {
  readonly inServiceHours: boolean;
  readonly activeWindow?: CalendarWindow;
  readonly nextWindow?: CalendarWindow;
}

/** One environment profile as the UI lists it (no connection secrets). */
export interface WorkspaceProfile {
  readonly id: string;
  readonly displayName: string;
  readonly kind: EnvironmentKind;
  readonly repository: Repository;
  readonly isTestEnvironment: boolean;
  readonly operator?: OperatorIdentity;
  readonly connection: ConnectionState;
  readonly calendar: CalendarView;
}

/** A test patient to suggest on first run. */
export interface SamplePatient {
  readonly hetu: string;
  readonly name: string;
}

export interface WorkspaceOverview {
  readonly profiles: readonly WorkspaceProfile[];
  /** The profile a first run lands on (the local sandbox). */
  readonly defaultProfileId?: string;
  /** Set when profiles.json cannot be used; the list then holds only built-in profiles. */
  readonly profilesProblem?: string;
  readonly samplePatients: readonly SamplePatient[];
  /** Who the audit trail names when a profile has no operator: the OS user. */
  readonly osUser: string;
  /** ISO time of the answer, so countdowns run from the service's clock. */
  readonly now: string;
}

/** Search fields, by meaning; all optional but at least one is required. */
export interface SearchQuery {
  readonly patient?: string;
  readonly documentId?: string;
  readonly setId?: string;
  readonly serviceEventId?: string;
  /** ISO dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Register code (the CDA `code`, FHIR category). */
  readonly register?: string;
  /** View code (näkymä, FHIR type). */
  readonly view?: string;
  readonly status?: 'current' | 'superseded' | 'entered-in-error';
}

export type RowStatus = 'current' | 'replaced' | 'invalidated';

/** One search result as the document table shows it. */
export interface DocumentRow {
  /** The FHIR resource id: what `open` and `versions` take. */
  readonly resourceId: string;
  readonly documentId: string;
  readonly setId: string;
  readonly versionNumber?: number;
  readonly title: string;
  /** ISO date-time (FHIR `date`). */
  readonly date: string;
  readonly patient: string;
  readonly register: string;
  readonly view: string;
  readonly organisation: string;
  readonly status: RowStatus;
  /** Identity codes that fail the test-data check, as sentences; empty when all are fine. */
  readonly identityProblems: readonly string[];
  /** Set once the table's "Check listed documents" has read this document (document-check.ts). */
  readonly contentCheck?: RowContentCheck;
}

/** What the table's check found for one row. */
export interface RowContentCheck {
  /** Problems in the contents and among the listed rows (a setId's version used twice). */
  readonly problems: readonly string[];
  /** Why the contents could not be read, when they could not. */
  readonly note?: string;
}

export interface SearchResult {
  readonly searchId: string;
  readonly rows: readonly DocumentRow[];
  /** Patients whose query event was recorded in the audit trail. */
  readonly auditedPatients: readonly string[];
}

export interface SearchProgressEvent {
  readonly searchId: string;
  readonly fetched: number;
  readonly total?: number;
}

/** A document opened for viewing. */
export interface OpenedDocument {
  readonly profileId: string;
  readonly resourceId: string;
  readonly status: RowStatus;
  readonly metadata: DocumentMetadata;
  /** The document's text (XML, or JSON when contentKind says so) exactly as decoded. */
  readonly text: string;
  readonly contentKind: 'xml' | 'json';
  readonly byteSize: number;
  /** The audit record that was durable before this answer was sent. */
  readonly auditSequence: number;
  /** The environment's DocumentReference for it, without inline attachment data. */
  readonly documentReference: DocumentReference;
  /** What is wrong with it (shared/documents/document-findings.ts); empty when nothing is. */
  readonly findings: readonly DocumentFinding[];
}

/** One version in a setId chain. */
export interface VersionEntry {
  readonly resourceId: string;
  readonly documentId: string;
  readonly versionNumber?: number;
  readonly date: string;
  readonly title: string;
  readonly state: RowStatus;
  readonly isInvalidation: boolean;
  /** Resource ids this version replaces (RPLC). */
  readonly replaces: readonly string[];
  readonly replacedBy: readonly string[];
}

/** One stored FHIR version of the opened resource (`_history`). */
export interface ResourceVersion {
  readonly versionId: string;
  readonly lastUpdated: string;
  readonly status: string;
}

export interface VersionsView {
  readonly setId: string;
  readonly chainStatus: 'active' | 'invalidated';
  readonly versions: readonly VersionEntry[];
  readonly history: readonly ResourceVersion[];
  /** Conflicts and notes of the chain, as sentences. */
  readonly findings: readonly string[];
}

export interface AuditListResult {
  /** Newest first. */
  readonly rows: readonly AuditListRow[];
  /** True when more records matched than were returned. */
  readonly isTruncated: boolean;
}

export interface AuditVerifyResult {
  readonly isIntact: boolean;
  readonly message: string;
}
