/**
 * Playwright fixtures: every test gets its own temporary home folder and its own browser harness
 * (the real handler registry over the loopback bridge), and fails on any console error or
 * uncaught page error.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClockedWorkspace } from '../../electron/harness/clocked-workspace';
import { startHarness, type Harness } from '../../electron/harness/harness-server';
import { createHandlers } from '../../electron/services/handlers';
import {
  startAppWorkspace,
  type AppWorkspace,
} from '../../electron/services/workspace/app-workspace';
import { err } from '../../shared/result';
import { AppShell } from './pages/app-shell';

const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

interface Fixtures {
  /** Console messages a test provokes on purpose (for example CSP violations). */
  allowedConsoleErrors: readonly RegExp[];
  /** Starts the sandbox with the service calendar on this clock (`test.use({ sandboxClock })`). */
  sandboxClock: Date | undefined;
  home: string;
  /** The real workspace with its own in-memory sandbox; `setNow` only with `sandboxClock`. */
  app: AppWorkspace & { readonly setNow?: (instant: Date) => void };
  harness: Harness;
  consoleErrors: string[];
  shell: AppShell;
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  sandboxClock: [undefined, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  home: async ({}, use) => {
    const home = await mkdtemp(path.join(tmpdir(), 'archivist-e2e-'));
    await use(home);
    await rm(home, { recursive: true, force: true });
  },
  app: async ({ home, sandboxClock }, use) => {
    const app = sandboxClock
      ? await startClockedWorkspace({ home, now: sandboxClock, deadlineMs: 3000 })
      : await startAppWorkspace({ home, connect: { deadlineMs: 3000 } });
    if (!app.ok) throw new Error(app.error.message);
    await use(app.value);
    await app.value.close();
  },
  harness: async ({ home, app, page }, use) => {
    // Events go to the harness once it exists; handlers are created before it.
    const late: { harness?: Harness } = {};
    const handlers = createHandlers({
      home,
      openLink: async () => err('not-available', 'Desktop only.'),
      workspace: app.workspace,
      publish: (name, payload) => late.harness?.publish(name, payload),
    });
    const harness = await startHarness({ handlers, rendererRoot });
    late.harness = harness;
    await use(harness);
    // Close the page first: its event stream would otherwise log a refused reconnect as a
    // console error between the harness closing and the console check.
    await page.close();
    await harness.close();
  },
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      const record = (text: string) => {
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      };
      page.on('console', (message) => {
        if (message.type() === 'error') record(message.text());
      });
      page.on('pageerror', (error) => record(error.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  shell: async ({ page, harness }, use) => {
    await use(new AppShell(page, harness.url));
  },
});

export { expect, type Page };
