/** A real sandbox behind a real fault proxy, closed after each test; and clocks for the client. */
import http from 'node:http';
import { afterEach } from 'vitest';
import type { FaultSpec } from '../../../../../../../electron/sandbox/faults';
import { startSandbox, type RunningSandbox } from '../../../../../../../electron/sandbox/server';
import type { SeedCatalog } from '../../../../../../../electron/sandbox/seed/seed-types';
import { startFaultProxy, type FaultProxy } from '../../../../../../support/fault-proxy';
import { testCatalog } from '../../../../sandbox/support/test-catalog';

const closers: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Runs `close` after the current test. */
export function onCleanup(close: () => Promise<void> | void): void {
  closers.push(close);
}

export async function sandbox(
  options: { faults?: FaultSpec; catalog?: SeedCatalog } = {},
): Promise<RunningSandbox> {
  const started = await startSandbox({
    catalog: options.catalog ?? testCatalog(3, 12),
    ...options,
  });
  if (!started.ok) throw new Error(started.error.message);
  onCleanup(started.value.close);
  return started.value;
}

/** A sandbox and a fault proxy in front of it. */
export async function proxiedSandbox(
  options: { faults?: FaultSpec; catalog?: SeedCatalog } = {},
): Promise<{ sandbox: RunningSandbox; proxy: FaultProxy }> {
  const running = await sandbox(options);
  const proxy = await startFaultProxy({ host: '127.0.0.1', port: running.port });
  onCleanup(() => proxy.close());
  return { sandbox: running, proxy };
}

/** An agent without keep-alive: one connection per attempt, so the proxy counts attempts. */
export function freshConnectionsAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: false });
  onCleanup(() => agent.destroy());
  return agent;
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance: (ms: number) => void } {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

/** Milliseconds `run` took, with its result. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}
