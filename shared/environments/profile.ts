/**
 * Environment profiles: one named test environment each (ARCHITECTURE.md, "Environments").
 * Profiles live in `profiles.json` in the home folder; this module owns their shape and the
 * validator that guards every profile read from disk.
 */
import { err, ok, type Result } from '../result';
import {
  booleanField,
  isPlainObject,
  objectOf,
  optional,
  stringField,
  type Validator,
} from '../ipc/validate';

export const environmentKinds = ['sandbox', 'AT', 'TK', 'folder', 'fhir'] as const;
export type EnvironmentKind = (typeof environmentKinds)[number];

export const repositories = ['patient-data', 'social-welfare'] as const;
export type Repository = (typeof repositories)[number];

/** The operator's test professional card identity (DOMAIN.md §1). */
export interface OperatorIdentity {
  readonly name: string;
  readonly registrationNumber: string;
  readonly organisationOid: string;
}

export interface EnvironmentProfile {
  /** Short name used on the command line (`--env NAME`). */
  readonly id: string;
  readonly displayName: string;
  readonly kind: EnvironmentKind;
  /** FHIR base URL, or a folder path for `folder` profiles. */
  readonly baseUrl: string;
  readonly repository: Repository;
  readonly isTestEnvironment: boolean;
  readonly organisationOid?: string;
  readonly operator?: OperatorIdentity;
}

/** What the UI lists: no connection details. */
export interface ProfileSummary {
  readonly id: string;
  readonly displayName: string;
  readonly kind: EnvironmentKind;
  readonly repository: Repository;
  readonly isTestEnvironment: boolean;
}

const oid = stringField({
  maxLength: 128,
  pattern: /^[0-2](\.(0|[1-9][0-9]*))+$/,
  patternHint: 'must be an OID such as 1.2.246.10.12345678',
});

function oneOf<T extends string>(values: readonly T[]): Validator<T> {
  return (raw, path) =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : err('invalid-profile', `${path} must be one of ${values.join(', ')}.`);
}

const parseProfileObject = objectOf({
  id: stringField({
    maxLength: 64,
    pattern: /^[a-z0-9][a-z0-9-]*$/,
    patternHint: 'must be lower-case letters, digits and dashes',
  }),
  displayName: stringField({ maxLength: 120 }),
  kind: oneOf(environmentKinds),
  baseUrl: stringField({ maxLength: 2048 }),
  repository: oneOf(repositories),
  isTestEnvironment: booleanField(),
  organisationOid: optional(oid),
  operator: optional(
    objectOf({
      name: stringField({ maxLength: 120 }),
      registrationNumber: stringField({ maxLength: 64 }),
      organisationOid: oid,
    }),
  ),
});

/** Validates the parsed contents of `profiles.json`: `{ "profiles": [ ... ] }`. */
export function parseProfilesFile(raw: unknown): Result<readonly EnvironmentProfile[]> {
  if (!isPlainObject(raw) || !Array.isArray(raw.profiles)) {
    return err('invalid-profile', 'profiles.json must hold an object with a "profiles" list.');
  }
  const profiles: EnvironmentProfile[] = [];
  for (const [index, entry] of raw.profiles.entries()) {
    const parsed = parseProfileObject(entry, `profiles[${index}]`);
    if (!parsed.ok) return err('invalid-profile', `profiles.json: ${parsed.error.message}`);
    if (profiles.some((profile) => profile.id === parsed.value.id)) {
      return err('invalid-profile', `profiles.json: two profiles are named '${parsed.value.id}'.`);
    }
    profiles.push(parsed.value as EnvironmentProfile);
  }
  return ok(profiles);
}

export function summariseProfile(profile: EnvironmentProfile): ProfileSummary {
  const { id, displayName, kind, repository, isTestEnvironment } = profile;
  return { id, displayName, kind, repository, isTestEnvironment };
}
