/**
 * `archivist envs add` refusals in the words of the command line. The profile validator speaks
 * of profiles.json fields (`profile.kind`, `profile.operator.organisationOid`); a user typed
 * flags, so a refused value names the flag it came from and is bad usage (exit 2), while a
 * refused calendar file names the file and stays a handled failure (exit 1).
 */
import type { AppError } from '../../../shared/result';
import { CommandFailure, UsageError } from '../command';

/** profiles.json field paths and the flag each comes from, longest path first. */
const flagOfField: readonly (readonly [string, string])[] = [
  ['profile.operator.organisationOid', '--operator-organisation'],
  ['profile.operator.registrationNumber', '--operator-registration'],
  ['profile.operator.name', '--operator-name'],
  ['profile.organisationOid', '--organisation'],
  ['profile.displayName', '--name'],
  ['profile.repository', '--repository'],
  ['profile.baseUrl', '--url'],
  ['profile.kind', '--kind'],
  ['profile.id', 'The profile name'],
];

/** The flag combinations the validator would refuse by field name, refused by flag name first. */
export function checkCertificateFlags(values: {
  readonly pkcs12?: string;
  readonly certificate?: string;
  readonly key?: string;
}): void {
  if (values.pkcs12 !== undefined && (values.certificate ?? values.key) !== undefined)
    throw new UsageError('Give either --pkcs12 or --certificate (with --key), not both.');
  if (values.key !== undefined && values.certificate === undefined)
    throw new UsageError('--key needs the --certificate it belongs to.');
}

/** The error to throw for a profile `createProfile` refused. */
export function addFailure(error: AppError, calendarFile: string | undefined): Error {
  if (error.code !== 'invalid-profile') return new CommandFailure(error.message);
  if (calendarFile !== undefined && error.message.startsWith('profile.calendar'))
    return new CommandFailure(
      `${calendarFile}: ${error.message.slice('profile.'.length)}`.replace(/\s+/g, ' '),
    );
  const match = flagOfField.find(([field]) => error.message.startsWith(`${field} `));
  return match
    ? new UsageError(`${match[1]}${error.message.slice(match[0].length)}`)
    : new CommandFailure(error.message);
}
