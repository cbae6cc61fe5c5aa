/** Builders for the BALP-shaped events Archivist records (DOMAIN.md §6). */
import { encodeBase64Text } from './base64-encode';
import {
  ATTEMPT_SYSTEM,
  HETU_SYSTEM,
  REGISTRATION_SYSTEM,
  type AuditAction,
  type AuditAgent,
  type AuditEntity,
  type AuditEvent,
  type AuditOutcome,
  type Coding,
} from './event';

const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const ROLE_TYPE = 'http://terminology.hl7.org/CodeSystem/extra-security-role-type';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
const ARCHIVIST = 'urn:archivist:event';

/** Who did it: the test professional card identity from the profile and the OS user. */
export interface Operator {
  readonly name: string;
  readonly registrationNumber: string;
  readonly organisationOid: string;
  readonly osUser: string;
}

/** The context every event shares. */
export interface AuditContext {
  readonly operator: Operator;
  readonly appVersion: string;
  readonly host: string;
  readonly environment?: { readonly name: string; readonly baseUrl: string };
  readonly now: () => Date;
}

/** How an attempt ended, failures included. */
export interface Outcome {
  readonly code: AuditOutcome;
  readonly description?: string;
}

const success: Outcome = { code: '0' };

function agents(ctx: AuditContext): AuditAgent[] {
  const { operator } = ctx;
  const list: AuditAgent[] = [
    {
      type: { coding: [{ system: ROLE_TYPE, code: 'humanuser', display: 'human user' }] },
      who: {
        identifier: { system: REGISTRATION_SYSTEM, value: operator.registrationNumber },
        display: operator.name,
      },
      altId: operator.osUser,
      name: `urn:oid:${operator.organisationOid}`,
      requestor: true,
    },
    {
      type: { coding: [{ system: DCM, code: '110150', display: 'Application' }] },
      who: { display: `Archivist ${ctx.appVersion}` },
      requestor: false,
    },
  ];
  if (ctx.environment)
    list.push({
      type: { coding: [{ system: DCM, code: '110152', display: 'Destination Role ID' }] },
      who: { display: ctx.environment.name },
      requestor: false,
      network: { address: ctx.environment.baseUrl, type: '5' },
    });
  return list;
}

/** The patient entity, identified by hetu. */
export function patientEntity(hetu: string): AuditEntity {
  return {
    what: { identifier: { system: HETU_SYSTEM, value: hetu } },
    type: { system: ENTITY_TYPE, code: '1', display: 'Person' },
    role: { system: OBJECT_ROLE, code: '1', display: 'Patient' },
  };
}

/** A document entity (CDA document OID or FHIR id), with optional details such as a reason. */
export function documentEntity(documentId: string, detail?: AuditEntity['detail']): AuditEntity {
  return {
    what: { identifier: { system: 'urn:ietf:rfc:3986', value: documentId } },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    role: { system: OBJECT_ROLE, code: '3', display: 'Report' },
    ...(detail ? { detail } : {}),
  };
}

/** The query itself, Base64 as BALP records it. */
export function queryEntity(query: string): AuditEntity {
  return {
    what: { display: 'query' },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    role: { system: OBJECT_ROLE, code: '24', display: 'Query' },
    query: encodeBase64Text(query),
  };
}

interface Shape {
  readonly type: Coding;
  readonly subtype: Coding;
  readonly action: AuditAction;
  readonly entity: readonly AuditEntity[];
  readonly outcome?: Outcome | undefined;
}

function event(ctx: AuditContext, shape: Shape): AuditEvent {
  const outcome = shape.outcome ?? success;
  return {
    resourceType: 'AuditEvent',
    type: shape.type,
    subtype: [shape.subtype],
    action: shape.action,
    recorded: ctx.now().toISOString(),
    outcome: outcome.code,
    ...(outcome.description ? { outcomeDesc: outcome.description } : {}),
    agent: agents(ctx),
    source: {
      observer: { display: `Archivist on ${ctx.host}` },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4' }],
    },
    entity: shape.entity,
  };
}

const rest: Coding = { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' };

/** A search: one event per patient (BALP), the query recorded. */
export function queryEvent(
  ctx: AuditContext,
  hetu: string,
  query: string,
  outcome?: Outcome,
): AuditEvent {
  const subtype = { system: INTERACTION, code: 'search', display: 'search' };
  const entity = [patientEntity(hetu), queryEntity(query)];
  return event(ctx, { type: rest, subtype, action: 'E', entity, outcome });
}

/** Showing one document (read); the patient when known. */
export function readEvent(
  ctx: AuditContext,
  documentId: string,
  hetu?: string,
  outcome?: Outcome,
): AuditEvent {
  const subtype = { system: INTERACTION, code: 'read', display: 'read' };
  const entity = [...(hetu ? [patientEntity(hetu)] : []), documentEntity(documentId)];
  return event(ctx, { type: rest, subtype, action: 'R', entity, outcome });
}

/** An invalidation attempt (update U) with its reason; record before the request is sent. */
export function invalidationEvent(
  ctx: AuditContext,
  input: { documentId: string; hetu?: string; reason: string; comment?: string },
  outcome?: Outcome,
): AuditEvent {
  const detail = [{ type: 'reason', valueString: input.reason }];
  if (input.comment) detail.push({ type: 'comment', valueString: input.comment });
  const entity = [
    ...(input.hetu ? [patientEntity(input.hetu)] : []),
    documentEntity(input.documentId, detail),
  ];
  const subtype = { system: INTERACTION, code: 'update', display: 'update' };
  return event(ctx, { type: rest, subtype, action: 'U', entity, outcome });
}

/** The outcome of an earlier attempt, linked to it by the attempt's sequence. */
export function outcomeEvent(
  attempt: AuditEvent,
  attemptSequence: number,
  outcome: Outcome,
  now: Date,
): AuditEvent {
  const link: AuditEntity = {
    what: { identifier: { system: ATTEMPT_SYSTEM, value: String(attemptSequence) } },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    role: { system: OBJECT_ROLE, code: '26', display: 'Job' },
    name: 'attempt',
  };
  return {
    ...attempt,
    recorded: now.toISOString(),
    outcome: outcome.code,
    outcomeDesc: outcome.description,
    entity: [...attempt.entity, link],
  };
}

/** An Archivist application activity (DCM 110100) of kind `code`. */
export function appEvent(
  ctx: AuditContext,
  code: string,
  display: string,
  entity: AuditEntity[],
  action: AuditAction,
  outcome?: Outcome,
): AuditEvent {
  const type = { system: DCM, code: '110100', display: 'Application Activity' };
  return event(ctx, {
    type,
    subtype: { system: ARCHIVIST, code, display },
    action,
    entity,
    outcome,
  });
}

/** An export of the journal or of documents (BALP export: execute). */
export function exportEvent(ctx: AuditContext, target: string, outcome?: Outcome): AuditEvent {
  return appEvent(
    ctx,
    'export',
    'Export',
    [
      {
        what: { display: target },
        type: { system: ENTITY_TYPE, code: '2' },
        role: { system: OBJECT_ROLE, code: '13', display: 'Security Resource' },
      },
    ],
    'E',
    outcome,
  );
}

/** Connecting / logging in to an environment. */
export function loginEvent(ctx: AuditContext, outcome?: Outcome): AuditEvent {
  return appEvent(ctx, 'login', 'Environment connect', [], 'E', outcome);
}

/** A configuration change (profiles, settings): what changed, never a secret. */
export function configurationEvent(ctx: AuditContext, what: string, outcome?: Outcome): AuditEvent {
  return appEvent(
    ctx,
    'configuration',
    'Configuration change',
    [
      {
        what: { display: what },
        type: { system: ENTITY_TYPE, code: '2' },
        role: { system: OBJECT_ROLE, code: '13', display: 'Security Resource' },
      },
    ],
    'U',
    outcome,
  );
}
