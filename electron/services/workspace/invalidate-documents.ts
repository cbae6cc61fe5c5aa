/**
 * The workspace side of the invalidation dialog: the service's dependencies for one profile
 * (its connection, calendar, the workspace clock, the home's audit journal) and the two calls
 * the dialog makes. The run repeats the whole preflight and checks the typed confirmation itself,
 * so nothing the window sends can skip a check the preview showed.
 */
import type { EnvironmentCalendar } from '../../../shared/environments/calendar';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type {
  InvalidationPreflightRequest,
  InvalidationPreview,
  InvalidationProgressEvent,
  InvalidationRunRequest,
  InvalidationRunResult,
} from '../../../shared/ipc/invalidation-types';
import { parseInvalidationReason } from '../../../shared/invalidation/reasons';
import { ok, type Result } from '../../../shared/result';
import { appVersion } from '../app-version';
import type { EnvironmentConnection } from '../environments/connection';
import { homeAudit } from '../invalidation/audit';
import { invalidateBatch } from '../invalidation/invalidate';
import { preflightDocuments } from '../invalidation/prepare';
import { recordRefusals } from '../invalidation/refusals';
import type { InvalidationDeps } from '../invalidation/types';
import { auditContextFor } from './audit-trail';

export interface InvalidationSetting {
  readonly home: string;
  readonly connection: EnvironmentConnection;
  readonly profile: EnvironmentProfile;
  readonly calendar: EnvironmentCalendar;
  readonly now: () => Date;
}

function depsFor(
  setting: InvalidationSetting,
  extra: Pick<InvalidationDeps, 'onProgress' | 'signal'> = {},
): InvalidationDeps {
  return {
    profile: setting.profile,
    connection: setting.connection,
    calendar: setting.calendar,
    now: setting.now,
    audit: homeAudit(setting.home, auditContextFor(setting.profile, setting.now)),
    application: `Archivist ${appVersion}`,
    ...extra,
  };
}

/**
 * Preflight: findings, the exact payload and the confirmation token; nothing is sent. A refused
 * set is recorded as refused here (U, outcome 4), as the command line's run records it: the
 * dialog offers no run to record it later (review 11, finding 13).
 */
export async function previewInvalidation(
  setting: InvalidationSetting,
  request: InvalidationPreflightRequest,
): Promise<Result<InvalidationPreview>> {
  const deps = depsFor(setting);
  const preview = await preflightDocuments(deps, request.resourceIds);
  if (preview.ok && !preview.value.isAllowed) await recordRefusals(deps, preview.value);
  return preview;
}

/** The run: preflight again, the confirmation, then send and read back document by document. */
export async function runInvalidation(
  setting: InvalidationSetting,
  request: InvalidationRunRequest,
  onProgress: (progress: InvalidationProgressEvent) => void,
): Promise<Result<InvalidationRunResult>> {
  const reason = parseInvalidationReason(request.reason.code, request.reason.comment);
  if (!reason.ok) return reason;
  const { runId } = request;
  const result = await invalidateBatch(
    depsFor(setting, { onProgress: (progress) => onProgress({ runId, ...progress }) }),
    request.resourceIds,
    { reason: reason.value, confirmation: request.confirmation },
  );
  return result.ok ? ok({ runId, ...result.value }) : result;
}
