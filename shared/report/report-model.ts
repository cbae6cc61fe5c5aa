/**
 * The comparison report (issue 8): everything a report file says, as one plain JSON value that
 * every writer (HTML, PDF, JSON, CSV) renders. Built from a CompareResult and what the caller
 * knows about the two sources (identity, bytes' sha256, environment), redacted here once, so
 * every format shows the same masks.
 */
import type { CompareResult, HiddenCount } from '../compare/compare-result';
import type { StoredStatus } from '../compare/metadata-status';
import type { IdentityCodeFinding } from '../identity/scan';
import { redactReport } from './redact-report';
import { reportTitle } from './report-title';
import {
  changeListItems,
  contentChanges,
  hiddenChanges,
  metadataChanges,
  payloads,
  type ReportChange,
  type ReportContentChange,
  type ReportHiddenChange,
  type ReportMetadataChange,
  type ReportPayload,
} from './report-changes';
import { unchangedRegions, type UnchangedRegion } from './unchanged-regions';

export * from './report-changes';

/** The version of the report's JSON shape (resources/schemas/report-v1.schema.json). */
export const reportSchemaVersion = 1;

/** What the caller knows about one compared source. */
export interface ReportSideInput {
  /** A file path, or env:NAME:id for a document read from an environment. */
  readonly source: string;
  /** The environment's name, when the document came from one. */
  readonly environment?: string;
  readonly sha256: string;
  readonly byteSize: number;
  /** Every identity code found in the document (header and text). */
  readonly identityCodes: readonly IdentityCodeFinding[];
  /** Person names the document's metadata gives, whole and in parts (redaction needs them). */
  readonly personNames: readonly string[];
  /**
   * Values given under the hetu root anywhere in the document (body and an RCMR message's CDA
   * included), whatever their shape: masked by redaction, not test-data findings. Read only
   * when the report is redacted.
   */
  readonly hetuRootValues?: readonly string[];
}

/** The journal's latest signed checkpoint when the report was made. */
export interface CheckpointReference {
  readonly sequence: number;
  readonly hash: string;
  readonly time: string;
  readonly signature: string;
}

export interface ReportInput {
  readonly result: CompareResult;
  readonly left: ReportSideInput;
  readonly right: ReportSideInput;
  readonly operator: string;
  /** ISO time the report was made. */
  readonly createdAt: string;
  readonly toolVersion: string;
  readonly auditCheckpoint?: CheckpointReference;
  /** Both sides' canonical lines, to show unchanged regions (collapsed) in the side-by-side view. */
  readonly lines?: { readonly left: readonly string[]; readonly right: readonly string[] };
  readonly redact: boolean;
}

/** One side's identity in a report. */
export interface ReportDocument {
  readonly source: string;
  readonly environment?: string;
  readonly format: string;
  readonly id: string;
  readonly setId?: string;
  readonly versionNumber?: number;
  readonly title?: string;
  readonly patient?: string;
  /** The status its environment stores (current, replaced, invalidated); none for a local file. */
  readonly storedStatus?: StoredStatus;
  readonly sha256: string;
  readonly byteSize: number;
}

/** An identity code that is not a valid 900-series test code: a test service would refuse it. */
export interface TestDataFinding {
  readonly side: 'left' | 'right';
  readonly value: string;
  readonly where: string;
  readonly problem: string;
}

export interface ReportModel {
  readonly schemaVersion: typeof reportSchemaVersion;
  readonly title: string;
  readonly createdAt: string;
  readonly operator: string;
  readonly toolVersion: string;
  readonly environments: readonly string[];
  readonly redaction: {
    readonly isRedacted: boolean;
    readonly maskedIdentityCodes: number;
    readonly maskedNames: number;
    /** In a redacted report: what redaction cannot mask (redactionLimitation). */
    readonly limitation?: string;
  };
  readonly documents: { readonly left: ReportDocument; readonly right: ReportDocument };
  readonly identical: boolean;
  readonly shownDifferences: number;
  readonly profile: { readonly id: string; readonly title: string; readonly sha256: string };
  readonly hidden: {
    readonly metadata: number;
    readonly content: number;
    readonly changeList: number;
    readonly byRule: readonly HiddenCount[];
    /** The first maxHiddenChanges hidden differences. */
    readonly changes: readonly ReportHiddenChange[];
  };
  readonly metadataChanges: readonly ReportMetadataChange[];
  readonly changes: readonly ReportChange[];
  readonly changeListTruncated: boolean;
  readonly content: {
    readonly leftLines: number;
    readonly rightLines: number;
    readonly isCoarse: boolean;
    readonly changes: readonly ReportContentChange[];
    /** Signatures and Base64 payloads taken out of line, compared by hash and size. */
    readonly payloads?: {
      readonly left: readonly ReportPayload[];
      readonly right: readonly ReportPayload[];
    };
    /** Unchanged stretches between changes; absent when the caller gave no lines. */
    readonly unchanged?: readonly UnchangedRegion[];
  };
  readonly testDataFindings: readonly TestDataFinding[];
  readonly auditCheckpoint: CheckpointReference | null;
  readonly notes: readonly string[];
}

function side(input: ReportSideInput, document: CompareResult['left']): ReportDocument {
  return {
    source: input.source,
    ...(input.environment !== undefined ? { environment: input.environment } : {}),
    format: document.format,
    id: document.id,
    ...(document.setId !== undefined ? { setId: document.setId } : {}),
    ...(document.versionNumber !== undefined ? { versionNumber: document.versionNumber } : {}),
    ...(document.title !== undefined ? { title: document.title } : {}),
    ...(document.patientHetu !== undefined ? { patient: document.patientHetu } : {}),
    ...(document.storedStatus !== undefined ? { storedStatus: document.storedStatus } : {}),
    sha256: input.sha256,
    byteSize: input.byteSize,
  };
}

function findings(which: 'left' | 'right', input: ReportSideInput): TestDataFinding[] {
  const seen = new Set<string>();
  const out: TestDataFinding[] = [];
  for (const code of input.identityCodes) {
    if ((code.valid && code.isTestCode) || seen.has(code.value)) continue;
    seen.add(code.value);
    out.push({
      side: which,
      value: code.value,
      where: code.where,
      problem: code.problem ?? (code.valid ? 'not a 900-series test code' : 'not a valid code'),
    });
  }
  return out;
}

function sum(counts: readonly HiddenCount[], key: 'metadata' | 'content' | 'changeList'): number {
  return counts.reduce((total, count) => total + count[key], 0);
}

/** Builds the report; with `redact`, identity codes and names are masked everywhere in it. */
export function buildReport(input: ReportInput): ReportModel {
  const { result } = input;
  const environments = [input.left.environment, input.right.environment].filter(
    (name): name is string => name !== undefined,
  );
  const model: ReportModel = {
    schemaVersion: reportSchemaVersion,
    title: reportTitle({ ...result.left, ...input.left }, { ...result.right, ...input.right }),
    createdAt: input.createdAt,
    operator: input.operator,
    toolVersion: input.toolVersion,
    environments: [...new Set(environments.length > 0 ? environments : ['local files'])],
    redaction: { isRedacted: false, maskedIdentityCodes: 0, maskedNames: 0 },
    documents: { left: side(input.left, result.left), right: side(input.right, result.right) },
    identical: result.identical,
    shownDifferences: result.shownDifferences,
    profile: result.profile,
    hidden: {
      metadata: sum(result.hiddenByRule, 'metadata'),
      content: sum(result.hiddenByRule, 'content'),
      changeList: sum(result.hiddenByRule, 'changeList'),
      byRule: result.hiddenByRule,
      changes: hiddenChanges(result),
    },
    metadataChanges: metadataChanges(result),
    changes: changeListItems(result),
    changeListTruncated: result.changeList.isTruncated,
    content: {
      leftLines: result.content.leftLines,
      rightLines: result.content.rightLines,
      isCoarse: result.content.isCoarse,
      changes: contentChanges(result),
      payloads: payloads(result),
      ...(input.lines ? { unchanged: unchangedRegions(result.content.shown, input.lines) } : {}),
    },
    testDataFindings: [...findings('left', input.left), ...findings('right', input.right)],
    auditCheckpoint: input.auditCheckpoint ?? null,
    notes: result.notes,
  };
  return input.redact ? redactReport(model, input) : model;
}
