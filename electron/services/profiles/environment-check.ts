/**
 * `envs check`: everything a tester wants to know before working with an environment, in one
 * report: the calendar now (service hours, the window in force, the next one), the certificate
 * doctor's findings with one real request (TLS profiles), and what the environment says about
 * itself (CapabilityStatement fhirVersion and software, document count).
 */
import { calendarStateAt, type CalendarState } from '../../../shared/environments/calendar';
import {
  calendarOfProfile,
  summariseProfile,
  type EnvironmentProfile,
  type ProfileSummary,
} from '../../../shared/environments/profile';
import type { AppError } from '../../../shared/result';
import type { ConnectionCheck } from '../environments/connection';
import { openConnection } from '../environments/open-connection';
import { diagnoseCertificates, type DoctorReport } from '../tls/certificate-doctor';
import type { SecretStore } from './secret-store';

export interface EnvironmentReport {
  readonly profile: ProfileSummary & { readonly baseUrl: string };
  readonly calendar: CalendarState;
  /** Present for profiles with TLS settings. */
  readonly certificates?: DoctorReport;
  readonly connection:
    ({ readonly ok: true } & ConnectionCheck) | { readonly ok: false; readonly error: AppError };
  /** True when the connection worked and no certificate finding is an error. */
  readonly isUsable: boolean;
}

export interface CheckOptions {
  readonly secrets: SecretStore;
  readonly now?: () => Date;
  readonly deadlineMs?: number;
}

async function doctorOf(
  profile: EnvironmentProfile,
  secrets: SecretStore,
  now: Date,
): Promise<DoctorReport | undefined> {
  if (!profile.tls) return undefined;
  const { passphraseRef, ...files } = profile.tls;
  let passphrase: string | undefined;
  if (passphraseRef !== undefined) {
    const secret = await secrets.readPassphrase({
      profileId: profile.id,
      displayName: profile.displayName,
      reference: passphraseRef,
    });
    if (!secret.ok)
      return {
        findings: [{ severity: 'error', code: secret.error.code, message: secret.error.message }],
        isUsable: false,
      };
    passphrase = secret.value;
  }
  return diagnoseCertificates(
    { ...files, ...(passphrase !== undefined ? { passphrase } : {}) },
    { now, serverUrl: profile.baseUrl },
  );
}

/** Checks one profile; never fails as a whole, every part says how it went. */
export async function checkEnvironment(
  profile: EnvironmentProfile,
  options: CheckOptions,
): Promise<EnvironmentReport> {
  const now = options.now ?? (() => new Date());
  const calendar = calendarStateAt(calendarOfProfile(profile), now());
  const certificates = await doctorOf(profile, options.secrets, now());
  const opened = await openConnection(profile, {
    secrets: options.secrets,
    now,
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
  });
  let connection: EnvironmentReport['connection'];
  if (!opened.ok) connection = { ok: false, error: opened.error };
  else {
    const checked = await opened.value.check();
    opened.value.close();
    connection = checked.ok ? { ok: true, ...checked.value } : { ok: false, error: checked.error };
  }
  return {
    profile: { ...summariseProfile(profile), baseUrl: profile.baseUrl },
    calendar,
    ...(certificates ? { certificates } : {}),
    connection,
    isUsable: connection.ok && (certificates?.isUsable ?? true),
  };
}
