/**
 * FHIR R4 AuditEvent shaped by IHE Basic Audit Log Patterns (BALP), restricted to the members
 * Archivist writes. Kept as plain data so it serialises canonically and crosses IPC unchanged.
 */

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface Identifier {
  readonly system: string;
  readonly value: string;
}

/** BALP actions: create, read, update, delete, execute (queries). */
export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

/** FHIR outcome codes: success, minor failure, serious failure, major failure. */
export type AuditOutcome = '0' | '4' | '8' | '12';

export interface AuditAgent {
  readonly type: { readonly coding: readonly Coding[] };
  readonly who: { readonly identifier?: Identifier; readonly display?: string };
  readonly altId?: string;
  readonly name?: string;
  readonly requestor: boolean;
  readonly network?: { readonly address: string; readonly type: '5' };
}

export interface AuditEntityDetail {
  readonly type: string;
  readonly valueString: string;
}

export interface AuditEntity {
  readonly what: { readonly identifier?: Identifier; readonly display?: string };
  readonly type: Coding;
  readonly role: Coding;
  readonly name?: string;
  /** Descriptive text (FHIR R4 AuditEvent.entity.description): what the Audit tab shows. */
  readonly description?: string;
  readonly query?: string;
  readonly detail?: readonly AuditEntityDetail[];
}

export interface AuditEvent {
  readonly resourceType: 'AuditEvent';
  readonly type: Coding;
  readonly subtype: readonly Coding[];
  readonly action: AuditAction;
  readonly recorded: string;
  readonly outcome: AuditOutcome;
  readonly outcomeDesc?: string;
  readonly agent: readonly AuditAgent[];
  readonly source: {
    readonly observer: { readonly display: string };
    readonly type: readonly Coding[];
  };
  readonly entity: readonly AuditEntity[];
}

/** The system for Finnish personal identity codes (hetu). */
export const HETU_SYSTEM = 'urn:oid:1.2.246.21';
/** Valvira's register of healthcare professionals (test professional cards carry a number). */
export const REGISTRATION_SYSTEM = 'urn:oid:1.2.246.537.26';
/** Links an outcome event to its attempt by the attempt's journal sequence. */
export const ATTEMPT_SYSTEM = 'urn:archivist:audit-sequence';
