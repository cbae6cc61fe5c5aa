/**
 * The Environments form's draft → a profile for profiles.json. Files come from picks made in
 * main's open dialog or stay what the stored profile had, so the window never names a path; the
 * result goes through `parseProfile`, the validator every profile on disk passes.
 */
import { alwaysOpenCalendar } from '../../../shared/environments/calendar';
import {
  parseProfile,
  type EnvironmentProfile,
  type ProfileTls,
} from '../../../shared/environments/profile';
import type {
  FileChoice,
  PickPurpose,
  ProfileDraft,
  TlsFileField,
} from '../../../shared/ipc/profile-editor-types';
import { tlsFileFields } from '../../../shared/ipc/profile-editor-types';
import { err, ok, type Result } from '../../../shared/result';
import { defaultPassphraseRef } from '../profiles/secret-store';

/** A file chosen in main's dialog, by its id. */
export interface Pick {
  readonly purpose: PickPurpose;
  readonly path: string;
}

const fieldNames: Readonly<Record<PickPurpose, string>> = {
  pkcs12: 'PKCS#12 file',
  certificate: 'certificate file',
  key: 'key file',
  caFile: 'pinned CA file',
  folder: 'folder',
};

function resolveFile(
  choice: FileChoice,
  purpose: PickPurpose,
  stored: string | undefined,
  picks: ReadonlyMap<string, Pick>,
): Result<string> {
  if ('keep' in choice) {
    return stored === undefined
      ? err('invalid-profile', `The ${fieldNames[purpose]} has not been chosen yet.`)
      : ok(stored);
  }
  const pick = picks.get(choice.pickId);
  if (!pick || pick.purpose !== purpose)
    return err('invalid-profile', `Choose the ${fieldNames[purpose]} again; the choice expired.`);
  return ok(pick.path);
}

function isAlwaysOpen(profile: EnvironmentProfile | undefined): boolean {
  return JSON.stringify(profile?.calendar) === JSON.stringify(alwaysOpenCalendar);
}

/** The calendar to store: none (the kind's default), the profile's own, or always open. */
function calendarOf(draft: ProfileDraft, stored: EnvironmentProfile | undefined) {
  if (!draft.followsCalendar) return { calendar: alwaysOpenCalendar };
  return stored?.calendar && !isAlwaysOpen(stored) ? { calendar: stored.calendar } : {};
}

/** Whether a stored profile follows a service calendar (the form's "calendar on"). */
export function followsCalendar(profile: EnvironmentProfile): boolean {
  return !isAlwaysOpen(profile);
}

function tlsOf(
  draft: ProfileDraft,
  stored: EnvironmentProfile | undefined,
  picks: ReadonlyMap<string, Pick>,
): Result<ProfileTls | undefined> {
  if (!draft.tls) return ok(undefined);
  const files: Partial<Record<TlsFileField, string>> = {};
  for (const field of tlsFileFields) {
    const choice = draft.tls[field];
    if (choice === undefined) continue;
    const file = resolveFile(choice, field, stored?.tls?.[field], picks);
    if (!file.ok) return file;
    files[field] = file.value;
  }
  if (files.pkcs12 === undefined && files.certificate === undefined)
    return err(
      'invalid-profile',
      'A client certificate needs a PKCS#12 file or a PEM certificate file.',
    );
  const reference = stored?.tls?.passphraseRef ?? defaultPassphraseRef(draft.id);
  return ok({ ...files, ...(draft.tls.hasPassphrase ? { passphraseRef: reference } : {}) });
}

function locationOf(
  draft: ProfileDraft,
  stored: EnvironmentProfile | undefined,
  picks: ReadonlyMap<string, Pick>,
): Result<string> {
  if (draft.kind === 'folder') {
    if (!draft.folder) return err('invalid-profile', 'A folder profile needs its folder chosen.');
    return resolveFile(
      draft.folder,
      'folder',
      stored?.kind === 'folder' ? stored.baseUrl : undefined,
      picks,
    );
  }
  const url = draft.baseUrl?.trim() ?? '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err('invalid-profile', `The base URL '${url.slice(0, 80)}' is not a web address.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return err('invalid-profile', 'The base URL must start with http:// or https://.');
  return ok(url);
}

/** Builds and validates the profile a draft describes (`stored`: the profile being edited). */
export function profileFromDraft(
  draft: ProfileDraft,
  stored: EnvironmentProfile | undefined,
  picks: ReadonlyMap<string, Pick>,
): Result<EnvironmentProfile> {
  if (draft.kind === 'folder' && draft.tls)
    return err('invalid-profile', 'A folder profile has no client certificate.');
  const baseUrl = locationOf(draft, stored, picks);
  if (!baseUrl.ok) return baseUrl;
  const tls = tlsOf(draft, stored, picks);
  if (!tls.ok) return tls;
  const organisationOid = draft.organisationOid?.trim();
  const candidate = {
    id: draft.id.trim(),
    displayName: draft.displayName.trim() || draft.id.trim(),
    kind: draft.kind,
    baseUrl: baseUrl.value,
    repository: draft.repository,
    isTestEnvironment: draft.isTestEnvironment,
    ...(organisationOid ? { organisationOid } : {}),
    ...(draft.operator ? { operator: trimmedOperator(draft.operator) } : {}),
    ...(tls.value ? { tls: tls.value } : {}),
    ...calendarOf(draft, stored),
  };
  return parseProfile(candidate, 'profile');
}

function trimmedOperator(operator: NonNullable<ProfileDraft['operator']>) {
  return {
    name: operator.name.trim(),
    registrationNumber: operator.registrationNumber.trim(),
    organisationOid: operator.organisationOid.trim(),
  };
}
