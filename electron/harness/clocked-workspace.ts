/**
 * A workspace whose local sandbox runs the Kanta service calendar on a set clock (`--calendar
 * --now`), for tests and demonstrations of the calendar banner and of scheduled-outage refusals.
 * The workspace, the FHIR client's outage gate and the sandbox all read the same clock, so
 * "inside the fault-testing window" is true on both sides of the connection.
 */
import { defaultCalendar } from '../../shared/environments/calendar';
import { err, ok, type Result } from '../../shared/result';
import { createFhirConnection } from '../services/environments/fhir/fhir-connection';
import { loadProfiles } from '../services/profiles/profile-store';
import type { SecretStore } from '../services/profiles/secret-store';
import {
  samplePatientsOf,
  sandboxProfile,
  sandboxProfileId,
  type AppWorkspace,
} from '../services/workspace/app-workspace';
import { createWorkspace } from '../services/workspace/workspace';
import { startSandbox } from '../sandbox/server';

export interface ClockedWorkspace extends AppWorkspace {
  /**
   * Moves the workspace's and the FHIR client's clock (the sandbox keeps the clock it started
   * with): a test can open a document before a window and act inside it without waiting.
   */
  readonly setNow: (instant: Date) => void;
}

export interface ClockedWorkspaceOptions {
  readonly home: string;
  /** The instant the clocks start at; they run on in real time from there. */
  readonly now: Date;
  readonly deadlineMs?: number;
  /** The Environments screen's passphrase store. */
  readonly secrets?: SecretStore;
}

/** The calendar `archivist sandbox --calendar` applies (fault testing included). */
export const sandboxServiceCalendar = defaultCalendar({ faultTesting: true });

export async function startClockedWorkspace(
  options: ClockedWorkspaceOptions,
): Promise<Result<ClockedWorkspace>> {
  let offsetMs = options.now.getTime() - Date.now();
  const clock = () => new Date(Date.now() + offsetMs);
  const sandbox = await startSandbox({ calendar: true, now: options.now });
  if (!sandbox.ok)
    return err(sandbox.error.code, `The local sandbox did not start: ${sandbox.error.message}`);
  const running = sandbox.value;
  const profile = {
    ...sandboxProfile(running.baseUrl),
    displayName: 'Local sandbox (service calendar)',
  };
  const workspace = createWorkspace({
    home: options.home,
    loadProfiles: () => loadProfiles(options.home),
    builtInProfiles: () => [profile],
    connect: async (chosen) =>
      chosen.id === sandboxProfileId
        ? ok(
            createFhirConnection({
              baseUrl: chosen.baseUrl,
              calendar: sandboxServiceCalendar,
              now: clock,
              ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
            }),
          )
        : err('env-unsupported', 'Only the local sandbox is available on a set clock.'),
    defaultProfileId: sandboxProfileId,
    samplePatients: () => samplePatientsOf(running.store),
    now: clock,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    calendarOf: (chosen) => (chosen.id === sandboxProfileId ? sandboxServiceCalendar : undefined),
  });
  return ok({
    workspace,
    sandboxUrl: running.baseUrl,
    setNow: (instant) => {
      offsetMs = instant.getTime() - Date.now();
    },
    close: async () => {
      workspace.close();
      await running.close();
    },
  });
}
