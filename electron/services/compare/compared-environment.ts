/**
 * How a comparison names the environment a side was read from (issue 7: "documents from two
 * environments (AT against TK)"), the same in the app and on the command line: the report says
 * which environment each document came from, and the operator a report names is the one the
 * audit trail records for the reads.
 */
import type { AuditContext } from '../../../shared/audit/builders';
import type { EnvironmentProfile } from '../../../shared/environments/profile';

/**
 * The report's name of a profile's environment: its display name, with its kind (AT, TK, …) in
 * brackets unless the name already says it ('Kanta AT', 'Local sandbox'), so that two
 * environments a tester named alike still read apart by kind.
 */
export function reportEnvironmentOf(profile: Pick<EnvironmentProfile, 'displayName' | 'kind'>) {
  const words = profile.displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.includes(profile.kind.toLowerCase())
    ? profile.displayName
    : `${profile.displayName} (${profile.kind})`;
}

/** One compared side as far as the audit trail and the report care. */
export interface SideOrigin {
  /** The profile's operator and environment; a local file's has no environment. */
  readonly context: AuditContext;
}

/**
 * The audit context a comparison's report and export are made under: the first side read from an
 * environment (its profile's operator), else the left side's (a local file's OS user). A report
 * of a local file against AT then names AT's operator, as the AT read does.
 */
export function reportContextOf(left: SideOrigin, right: SideOrigin): AuditContext {
  if (left.context.environment || !right.context.environment) return left.context;
  return right.context;
}
