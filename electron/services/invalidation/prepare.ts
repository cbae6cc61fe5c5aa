/**
 * Preflight with the environment: the environment checks first (test flag, calendar) and, only
 * when they pass, each document is read: its DocumentReference status, its title and every
 * identity code in the DocumentReference and in the CDA it carries. Reading is a look at patient
 * data, so each read is recorded in the audit trail before its findings are returned.
 */
import { readEvent } from '../../../shared/audit/builders';
import type { ChainedRecord } from '../../../shared/audit/canonical';
import { calendarStateAt } from '../../../shared/environments/calendar';
import { scanJsonIdentityCodes } from '../../../shared/identity/scan-json';
import { HETU_ROOT } from '../../../shared/identity/scan';
import { auditDocumentId } from '../../../shared/invalidation/audit-records';
import { confirmationToken } from '../../../shared/invalidation/confirmation';
import {
  environmentFindings,
  isAllowed,
  preflight,
  type PreflightFinding,
} from '../../../shared/invalidation/preflight';
import { buildInvalidationProvenance } from '../../../shared/invalidation/provenance';
import { err, ok, type Result } from '../../../shared/result';
import { loadDocument } from '../documents/load-document';
import { isUnsettled, lastAttemptOn, unsettledAttemptFinding } from './attempt-history';
import type { InvalidationDeps, PreparedDocument, PreparedSet } from './types';

/** The Provenance a document would get now (the preview; the real run makes its own). */
export function previewProvenance(
  deps: Pick<InvalidationDeps, 'profile' | 'now' | 'application'>,
  resourceId: string,
  title: string | undefined,
  requestId: string,
) {
  const operator = deps.profile.operator;
  return buildInvalidationProvenance({
    resourceId,
    ...(title ? { title } : {}),
    recorded: deps.now(),
    requestId,
    ...(operator
      ? { operator: { name: operator.name, registrationNumber: operator.registrationNumber } }
      : {}),
    application: deps.application,
  });
}

function requestIdOf(deps: InvalidationDeps): string {
  return (deps.newRequestId ?? (() => crypto.randomUUID()))();
}

/**
 * AT and TK are shared environments: an invalidation there should name the person who made it
 * (review 11, finding 7). Without an operator the Provenance names the application instead.
 */
function operatorFindings(
  deps: Pick<InvalidationDeps, 'profile' | 'application'>,
): PreflightFinding[] {
  const { profile } = deps;
  if (profile.operator || (profile.kind !== 'AT' && profile.kind !== 'TK')) return [];
  return [
    {
      code: 'no-operator',
      severity: 'warning',
      message: `${profile.displayName} (kind ${profile.kind}) has no operator: the Provenance will name the device ${deps.application} as the agent, not a person. To invalidate as yourself, set the operator (name, registration number and organisation of your test professional card) in the profile.`,
    },
  ];
}

/** What preflight knows before reading a document: its environment's findings and the journal. */
interface SetContext {
  readonly environment: readonly PreflightFinding[];
  readonly history: readonly ChainedRecord[];
}

/** The last attempt on the document here and, if its fate was never settled, a finding on it. */
async function attemptFindings(
  deps: InvalidationDeps,
  resourceId: string,
  status: string,
  history: readonly ChainedRecord[],
) {
  const lastAttempt = lastAttemptOn(history, resourceId, deps.profile.baseUrl);
  if (!lastAttempt || !isUnsettled(lastAttempt)) return { lastAttempt, findings: [] };
  const finding = await unsettledAttemptFinding(
    deps.connection,
    resourceId,
    status,
    lastAttempt,
    deps.signal,
  );
  return { lastAttempt, findings: [finding] };
}

/** Joins the checks' findings; a landed attempt says "already invalidated" better than status. */
function joinFindings(
  checked: readonly PreflightFinding[],
  attempt: readonly PreflightFinding[],
  environment: readonly PreflightFinding[],
): PreflightFinding[] {
  const isLanded = attempt.some((finding) => finding.code === 'already-invalidated');
  const own = checked.filter((finding) => !(isLanded && finding.code === 'already-invalidated'));
  const extra = environment.filter((finding) => !own.some((f) => f.code === finding.code));
  return [...own, ...extra, ...attempt];
}

async function prepareOne(
  deps: InvalidationDeps,
  resourceId: string,
  context: SetContext,
): Promise<Result<PreparedDocument>> {
  const fetched = await deps.connection.read(
    resourceId,
    deps.signal ? { signal: deps.signal } : {},
  );
  if (!fetched.ok)
    return err(
      fetched.error.code,
      `DocumentReference/${resourceId} could not be read for preflight: ${fetched.error.message}`,
    );
  const { reference, bytes } = fetched.value;
  const loaded = await loadDocument(bytes, {
    source: `DocumentReference/${resourceId}`,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  // A document that cannot be read cannot be checked for identity codes: refuse rather than guess.
  if (!loaded.ok)
    return err(
      'invalidation-unreadable-document',
      `The document of DocumentReference/${resourceId} could not be read, so its identity codes cannot be checked: ${loaded.error.message}`,
    );
  const metadata = loaded.value.metadata;
  const patient = metadata.patient?.id;
  const hetu = patient?.root === HETU_ROOT ? patient.extension : undefined;
  const recorded = await deps.audit.record(
    readEvent(deps.audit.context, auditDocumentId(resourceId), hetu),
    'nothing was checked or sent',
  );
  if (!recorded.ok) return recorded;
  const title = reference.description ?? metadata.title;
  const identityCodes = [
    ...scanJsonIdentityCodes(reference).map((code) => ({
      ...code,
      where: `DocumentReference${code.where.startsWith('[') ? '' : '.'}${code.where}`,
    })),
    ...metadata.identityCodes.map((code) => ({ ...code, where: `CDA ${code.where}` })),
  ];
  const now = deps.now();
  const checked = preflight({
    profile: deps.profile,
    calendarState: calendarStateAt(deps.calendar, now),
    now,
    subject: { resourceId, status: reference.status, identityCodes },
  });
  const attempt = await attemptFindings(deps, resourceId, reference.status, context.history);
  return ok({
    resourceId,
    ...(title ? { title } : {}),
    status: reference.status,
    ...(hetu ? { hetu } : {}),
    findings: joinFindings(checked, attempt.findings, context.environment),
    ...(attempt.lastAttempt ? { lastAttempt: attempt.lastAttempt } : {}),
    provenance: previewProvenance(deps, resourceId, title, requestIdOf(deps)),
  });
}

/**
 * Preflight of a set: environment findings, then each document. An error means the preflight
 * itself could not be done (a read failed, the journal refused); nothing is sent either way.
 */
export async function preflightDocuments(
  deps: InvalidationDeps,
  resourceIds: readonly string[],
): Promise<Result<PreparedSet>> {
  const ids = [...new Set(resourceIds)];
  if (ids.length === 0)
    return err('invalidation-no-documents', 'Name at least one document to invalidate.');
  const now = deps.now();
  const environment = [
    ...environmentFindings({
      profile: deps.profile,
      calendarState: calendarStateAt(deps.calendar, now),
      now,
    }),
    ...operatorFindings(deps),
  ];
  const { displayName, kind, baseUrl, isTestEnvironment } = deps.profile;
  const base = {
    environment: displayName,
    environmentDetails: { displayName, kind, baseUrl, isTestEnvironment },
    environmentFindings: environment,
    confirmationToken: confirmationToken(ids),
  };
  // A refused environment is not read at all: no patient data is looked at for nothing.
  if (!isAllowed(environment))
    return ok({
      ...base,
      isAllowed: false,
      documents: ids.map((resourceId) => ({
        resourceId,
        findings: environment,
        provenance: previewProvenance(deps, resourceId, undefined, requestIdOf(deps)),
      })),
    });
  const context: SetContext = { environment, history: deps.audit.history?.() ?? [] };
  const documents: PreparedDocument[] = [];
  for (const [index, resourceId] of ids.entries()) {
    deps.onProgress?.({ stage: 'reading', resourceId, index, total: ids.length });
    const prepared = await prepareOne(deps, resourceId, context);
    if (!prepared.ok) return prepared;
    documents.push(prepared.value);
  }
  const findings: PreflightFinding[] = documents.flatMap((document) => document.findings);
  return ok({ ...base, isAllowed: isAllowed(findings), documents });
}
