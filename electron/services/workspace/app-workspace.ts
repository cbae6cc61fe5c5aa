/**
 * The workspace as the desktop app, the browser harness and the e2e tests run it: profiles from
 * the home folder plus the local sandbox, started here on a free loopback port (in memory, the
 * generated catalogue), so a first run lands on an environment with test patients in it.
 */
import { hetuSystem } from '../../../shared/fhir/resources';
import type { EnvironmentProfile } from '../../../shared/environments/profile';
import type { SamplePatient } from '../../../shared/ipc/workspace-types';
import { err, ok, type Result } from '../../../shared/result';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import type { SandboxStore } from '../../sandbox/store';
import { createCliSecretStore } from '../profiles/cli-secret-store';
import { loadProfiles } from '../profiles/profile-store';
import { connectFhir, type FhirConnectOptions } from './fhir-connect';
import { createWorkspace, type Workspace } from './workspace';

export const sandboxProfileId = 'sandbox';

export interface AppWorkspace {
  readonly workspace: Workspace;
  readonly sandboxUrl: string;
  readonly close: () => Promise<void>;
}

export interface AppWorkspaceOptions {
  readonly home: string;
  readonly sandbox?: SandboxOptions;
  readonly connect?: FhirConnectOptions;
}

/** The built-in profile of the local sandbox. */
export function sandboxProfile(baseUrl: string): EnvironmentProfile {
  return {
    id: sandboxProfileId,
    displayName: 'Local sandbox',
    kind: 'sandbox',
    baseUrl,
    repository: 'patient-data',
    isTestEnvironment: true,
  };
}

/** A few of the sandbox's test patients, for the first-run hint. */
export function samplePatientsOf(store: SandboxStore, count = 4): SamplePatient[] {
  const out: SamplePatient[] = [];
  for (const patient of store.patients.values()) {
    const hetu = patient.identifier?.find((id) => id.system === hetuSystem)?.value;
    if (!hetu) continue;
    const name = patient.name?.[0];
    out.push({ hetu, name: name?.text ?? [...(name?.given ?? []), name?.family].join(' ') });
    if (out.length >= count) break;
  }
  return out;
}

export async function startAppWorkspace(
  options: AppWorkspaceOptions,
): Promise<Result<AppWorkspace>> {
  const sandbox = await startSandbox(options.sandbox ?? {});
  if (!sandbox.ok)
    return err(sandbox.error.code, `The local sandbox did not start: ${sandbox.error.message}`);
  const running = sandbox.value;
  const builtIn = [sandboxProfile(running.baseUrl)];
  // One store for connecting and for the Environments screen, so a saved passphrase is the one used.
  const secrets = options.connect?.secrets ?? createCliSecretStore({ env: process.env });
  const workspace = createWorkspace({
    home: options.home,
    loadProfiles: () => loadProfiles(options.home),
    builtInProfiles: () => builtIn,
    connect: connectFhir({ ...options.connect, secrets }),
    secrets,
    ...(options.connect?.deadlineMs === undefined
      ? {}
      : { checkDeadlineMs: options.connect.deadlineMs }),
    defaultProfileId: sandboxProfileId,
    samplePatients: () => samplePatientsOf(running.store),
  });
  return ok({
    workspace,
    sandboxUrl: running.baseUrl,
    close: async () => {
      workspace.close();
      await running.close();
    },
  });
}
