/**
 * Sandboxes and environment profiles as the command-line tests set them up: a started sandbox
 * (or the reason it did not start), and `archivist envs add` run in-process into a home folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { alwaysOpenCalendar } from '../../shared/environments/calendar';
import {
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from '../../electron/sandbox/server';
import { runArchivist } from '../unit/support/run-cli';

/** A running sandbox; a sandbox that cannot start fails the test with its own sentence. */
export async function startedSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const started = await startSandbox(options);
  if (!started.ok) throw new Error(`the sandbox did not start: ${started.error.message}`);
  return started.value;
}

/** `archivist envs add NAME FLAGS… --home HOME`, in-process: what a user would see. */
export function envsAdd(home: string, name: string, ...flags: readonly string[]) {
  return runArchivist(['envs', 'add', name, ...flags, '--home', home]);
}

/** Adds profile NAME (kind sandbox) for the sandbox at baseUrl; a refusal fails the test. */
export async function addSandboxProfile(
  home: string,
  baseUrl: string,
  name = 'local',
): Promise<void> {
  const added = await envsAdd(home, name, '--kind', 'sandbox', '--url', baseUrl);
  if (added.code !== 0) throw new Error(`envs add ${name} was refused: ${added.stderr}`);
}

/** One environment profile for addAlwaysOpenProfiles: id, kind, display name, URL, extra flags. */
export type OpenProfile = readonly [
  id: string,
  kind: string,
  name: string,
  url: string,
  flags?: readonly string[],
];

/**
 * Adds each profile with a calendar that is always open (published calendars have maintenance
 * windows, and a test must not depend on the hour); a refusal fails the test.
 */
export async function addAlwaysOpenProfiles(
  home: string,
  profiles: readonly OpenProfile[],
): Promise<void> {
  mkdirSync(home, { recursive: true });
  const calendar = path.join(home, 'always-open.json');
  writeFileSync(calendar, JSON.stringify(alwaysOpenCalendar));
  for (const [id, kind, name, url, flags = []] of profiles) {
    const added = await envsAdd(
      home,
      id,
      ...['--kind', kind, '--name', name, '--url', url, '--calendar', calendar],
      ...flags,
    );
    if (added.code !== 0) throw new Error(`envs add ${id} was refused: ${added.stderr}`);
  }
}
