/**
 * Who the command line acts as in the audit trail. It has no professional card session, so the
 * OS user stands as operator; a command that works against an environment profile (search,
 * invalidate) passes the profile's operator and environment to say who and where.
 */
import { hostname, userInfo } from 'node:os';
import type { AuditContext, Operator } from '../../shared/audit/builders';
import { appVersion } from '../services/app-version';

/** What a command may know beyond the OS user: the profile's operator and environment. */
export interface CliAuditOptions {
  readonly operator?: Omit<Operator, 'osUser'>;
  readonly environment?: AuditContext['environment'];
}

/** The audit context of one command-line run. */
export function cliContext(options: CliAuditOptions = {}): AuditContext {
  const osUser = userInfo().username;
  const operator: Operator = options.operator
    ? { ...options.operator, osUser }
    : { name: osUser, registrationNumber: 'none', organisationOid: 'none', osUser };
  return {
    operator,
    appVersion,
    host: hostname(),
    now: () => new Date(),
    ...(options.environment ? { environment: options.environment } : {}),
  };
}
