/**
 * The audit event of a comparison report's export (BALP export: execute). It names what left
 * the application: both documents (id, version, the environment each was read from, or "local
 * file"), the format, redaction, ignore profile and file. The review of issue 7 found the old
 * event ("HTML comparison report of X and Y to …") named no environments or versions and only
 * one environment's agent for an AT-against-TK report.
 */
import type { ComparedDocument } from '../compare/compared-document';
import { appEvent, patientEntity, type AuditContext, type Outcome } from './builders';
import type { AuditAgent, AuditEntity, AuditEntityDetail, AuditEvent } from './event';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

/** One exported side: where it came from and who read it there. */
export interface ExportedSide {
  /** env:PROFILE:id, or the local file's name. */
  readonly source: string;
  /** The report's name of its environment; none for a local file. */
  readonly environment?: string;
  /** The context the side was read under: its environment's address, when it has one. */
  readonly context: AuditContext;
}

/** What a comparison export wrote. */
export interface ComparisonExport {
  readonly result: {
    readonly left: ComparedDocument;
    readonly right: ComparedDocument;
    readonly profile: { readonly id: string; readonly sha256: string };
  };
  readonly format: string;
  readonly redacted: boolean;
  /** Where the report went: a path, "stdout", or "download NAME". */
  readonly target: string;
  /** The file's name, when the report went to a file. */
  readonly fileName?: string;
  readonly left: ExportedSide;
  readonly right: ExportedSide;
}

type SideName = 'left' | 'right';

function origin(side: ExportedSide): string {
  return side.environment ?? side.context.environment?.name ?? `local file ${side.source}`;
}

function sideEntity(name: SideName, document: ComparedDocument, side: ExportedSide): AuditEntity {
  const environment = side.environment ?? side.context.environment?.name;
  const version = document.versionNumber === undefined ? undefined : String(document.versionNumber);
  const detail: AuditEntityDetail[] = [
    { type: 'side', valueString: name },
    environment
      ? { type: 'environment', valueString: environment }
      : { type: 'local file', valueString: side.source },
    { type: 'source', valueString: side.source },
    ...(version ? [{ type: 'version', valueString: version }] : []),
    ...(document.setId ? [{ type: 'setId', valueString: document.setId }] : []),
  ];
  return {
    what: { identifier: { system: 'urn:ietf:rfc:3986', value: document.id } },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    role: { system: OBJECT_ROLE, code: '3', display: 'Report' },
    name,
    description: [
      `${name}: ${origin(side)}`,
      `document ${document.id}`,
      ...(version ? [`version ${version}`] : []),
    ].join(', '),
    detail,
  };
}

function fileEntity(input: ComparisonExport): AuditEntity {
  const { profile } = input.result;
  const format = input.format.toUpperCase();
  const redacted = input.redacted ? ' (redacted)' : '';
  const where = input.fileName ? `file ${input.fileName}` : input.target;
  return {
    what: { display: input.target },
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    role: { system: OBJECT_ROLE, code: '16', display: 'Data Destination' },
    ...(input.fileName ? { name: input.fileName } : {}),
    description: `${format} comparison report${redacted}, ignore profile ${profile.id} (sha256 ${profile.sha256.slice(0, 12)}…), to ${where}`,
    detail: [
      { type: 'format', valueString: input.format },
      { type: 'redacted', valueString: input.redacted ? 'yes' : 'no' },
      { type: 'profile', valueString: profile.id },
      { type: 'profile sha256', valueString: profile.sha256 },
      { type: 'target', valueString: input.target },
    ],
  };
}

/** Each environment a side was read from, once: the sources of the exported data. */
function sourceAgents(sides: readonly ExportedSide[]): AuditAgent[] {
  const seen = new Set<string>();
  const agents: AuditAgent[] = [];
  for (const side of sides) {
    const environment = side.context.environment;
    if (!environment) continue;
    const display = side.environment ?? environment.name;
    const key = `${display}\n${environment.baseUrl}`;
    if (seen.has(key)) continue;
    seen.add(key);
    agents.push({
      type: { coding: [{ system: DCM, code: '110153', display: 'Source Role ID' }] },
      who: { display },
      requestor: false,
      network: { address: environment.baseUrl, type: '5' },
    });
  }
  return agents;
}

/** The export of a comparison report under `ctx` (the operator who exports it). */
export function comparisonExportEvent(
  ctx: AuditContext,
  input: ComparisonExport,
  outcome?: Outcome,
): AuditEvent {
  const { left, right } = input.result;
  const hetus = [...new Set([left.patientHetu, right.patientHetu])].filter(
    (hetu): hetu is string => hetu !== undefined,
  );
  const entity = [
    ...hetus.map(patientEntity),
    sideEntity('left', left, input.left),
    sideEntity('right', right, input.right),
    fileEntity(input),
  ];
  // The environments are named as sources below, not as the one destination of ctx.
  const withoutEnvironment: AuditContext = { ...ctx, environment: undefined };
  const base = appEvent(withoutEnvironment, 'export', 'Export', entity, 'E', outcome);
  return { ...base, agent: [...base.agent, ...sourceAgents([input.left, input.right])] };
}
