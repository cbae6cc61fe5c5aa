/**
 * Environment profiles: one named test environment each (ARCHITECTURE.md, "Environments").
 * Profiles live in `profiles.json` in the home folder; this module owns their shape and the
 * validator that guards every profile read from disk.
 */
import { err, ok, type Result } from '../result';
import { defaultCalendarForKind, type EnvironmentCalendar } from './calendar';
import { parseCalendar } from './parse-calendar';
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

/**
 * A profile's client certificate and pinned CA: file paths only. The passphrase is never stored
 * here: `passphraseRef` names the entry of the secret store that holds it (Electron safeStorage
 * in the app; an environment variable or a prompt on the command line).
 */
export interface ProfileTls {
  /** A PKCS#12 (.p12/.pfx) file with the client certificate and key. */
  readonly pkcs12?: string;
  /** PEM files; `key` may be left out when the certificate file holds the key too. */
  readonly certificate?: string;
  readonly key?: string;
  /** The environment's CA (PEM): the only CA the server may chain to. */
  readonly caFile?: string;
  /** The secret store entry holding the passphrase; absent when the files need none. */
  readonly passphraseRef?: string;
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
  /** Client certificate and pinned CA (AT and TK require a client certificate). */
  readonly tls?: ProfileTls;
  /** Overrides the default calendar of the kind (`defaultCalendarForKind`). */
  readonly calendar?: EnvironmentCalendar;
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

const filePath = stringField({
  maxLength: 4096,
  pattern: /\S/,
  patternHint: 'must be a file path',
});

const parseTlsObject = objectOf({
  pkcs12: optional(filePath),
  certificate: optional(filePath),
  key: optional(filePath),
  caFile: optional(filePath),
  passphraseRef: optional(
    stringField({
      maxLength: 128,
      pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
      patternHint: 'must name a secret store entry (letters, digits, . _ : -)',
    }),
  ),
});

/** The TLS settings, checked for combinations `loadClientTls` cannot use. */
const parseTls: Validator<ProfileTls> = (raw, path) => {
  // Said in so many words: a passphrase in profiles.json would be a secret in plain text.
  if (isPlainObject(raw) && 'passphrase' in raw)
    return err(
      'invalid-profile',
      `${path}.passphrase is not allowed: passphrases are never stored in profiles.json; set passphraseRef and keep the passphrase in the secret store.`,
    );
  const parsed = parseTlsObject(raw, path);
  if (!parsed.ok) return parsed;
  const tls = parsed.value;
  if (tls.pkcs12 !== undefined && (tls.certificate !== undefined || tls.key !== undefined))
    return err(
      'invalid-profile',
      `${path} must use either pkcs12 or certificate (+ key), not both.`,
    );
  if (tls.key !== undefined && tls.certificate === undefined)
    return err('invalid-profile', `${path}.key needs the certificate it belongs to.`);
  return ok(tls);
};

const parseCalendarField: Validator<EnvironmentCalendar> = (raw, path) => {
  const parsed = parseCalendar(raw, path);
  return parsed.ok ? parsed : err('invalid-profile', parsed.error.message);
};

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
  tls: optional(parseTls),
  calendar: optional(parseCalendarField),
});

/** Validates one profile (an entry of `profiles.json`, or one being created or edited). */
export function parseProfile(raw: unknown, path = 'profile'): Result<EnvironmentProfile> {
  const parsed = parseProfileObject(raw, path);
  if (!parsed.ok) return err('invalid-profile', parsed.error.message);
  const profile = parsed.value as EnvironmentProfile;
  if (profile.kind === 'folder' && profile.tls !== undefined)
    return err('invalid-profile', `${path}.tls: a folder profile has no TLS settings.`);
  return ok(profile);
}

/** Validates the parsed contents of `profiles.json`: `{ "profiles": [ ... ] }`. */
export function parseProfilesFile(raw: unknown): Result<readonly EnvironmentProfile[]> {
  if (!isPlainObject(raw) || !Array.isArray(raw.profiles)) {
    return err('invalid-profile', 'profiles.json must hold an object with a "profiles" list.');
  }
  const profiles: EnvironmentProfile[] = [];
  for (const [index, entry] of raw.profiles.entries()) {
    const parsed = parseProfile(entry, `profiles[${index}]`);
    if (!parsed.ok) return err('invalid-profile', `profiles.json: ${parsed.error.message}`);
    if (profiles.some((profile) => profile.id === parsed.value.id)) {
      return err('invalid-profile', `profiles.json: two profiles are named '${parsed.value.id}'.`);
    }
    profiles.push(parsed.value);
  }
  return ok(profiles);
}

export function summariseProfile(profile: EnvironmentProfile): ProfileSummary {
  const { id, displayName, kind, repository, isTestEnvironment } = profile;
  return { id, displayName, kind, repository, isTestEnvironment };
}

/** The calendar the profile runs on: its own, else the published default for its kind. */
export function calendarOfProfile(profile: EnvironmentProfile): EnvironmentCalendar {
  return profile.calendar ?? defaultCalendarForKind(profile.kind);
}
