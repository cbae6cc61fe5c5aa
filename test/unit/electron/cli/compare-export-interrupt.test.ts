/**
 * Ctrl-C and SIGTERM while `archivist compare` makes a report (review 10, finding 9): the export
 * event is durable before the report is made, so an interrupt after it must record the export as
 * failed; the journal claimed a report that was never written. On the bundled command line in a
 * real process with real signals; the PDF "printer" is a stand-in Chromium that announces itself
 * and waits, so the moment is found by watching (the printer started), never by sleeping.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedRecord } from '../../../../shared/audit/canonical';
import { readJournal } from '../../../../electron/services/audit/files';
import { verifyHome } from '../../../../electron/services/audit/reader';
import { bundleCli } from '../../../bench/bundle-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-export-interrupt-'));
const documentFile = new URL(
  '../../../fixtures/documents/local-header-all-fields.xml',
  import.meta.url,
);
let cli = '';
beforeAll(async () => {
  cli = await bundleCli(join(work, 'install'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Resolves when `condition` holds, checked every few milliseconds (the event, not a delay). */
async function until(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > giveUp) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A stand-in Chromium: writes its pid to `started`, then waits far longer than any test. */
function waitingPrinter(dir: string): { readonly path: string; readonly started: string } {
  const started = join(dir, 'printer-started');
  const path = join(dir, 'chromium');
  writeFileSync(path, `#!/bin/sh\necho $$ > '${started}'\nexec sleep 60\n`);
  chmodSync(path, 0o755);
  return { path, started };
}

const records = (home: string) =>
  readJournal(home).lines.map((line) => JSON.parse(line.text) as ChainedRecord);

describe('archivist compare: interrupted while a report is made', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s after the export event: the export is recorded as failed, no file, one line, ended by the signal',
    async (signal) => {
      const dir = join(work, signal);
      mkdirSync(dir);
      const home = join(dir, 'home');
      const left = join(dir, 'left.xml');
      const right = join(dir, 'right.xml');
      const text = readFileSync(documentFile, 'utf8');
      writeFileSync(left, text);
      writeFileSync(
        right,
        text.replace('<copyTime value="20240201091500"/>', '<copyTime value="20240301091500"/>'),
      );
      const out = join(dir, 'report.pdf');
      const printer = waitingPrinter(dir);
      const child = spawn(
        process.execPath,
        [cli, 'compare', left, right, '--format', 'pdf', '--out', out, '--home', home],
        {
          env: { ...process.env, ARCHIVIST_CODE_CACHE: 'off', CHROMIUM_PATH: printer.path },
          cwd: dir,
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      try {
        await until(() => existsSync(printer.started), 'the printer started');
        child.kill(signal);
        expect(await exit).toEqual({ code: null, signal });
      } finally {
        const pid = Number(readFileSync(printer.started, 'utf8'));
        if (pid > 0) process.kill(pid, 'SIGKILL');
      }
      expect(stderr).toContain(
        'archivist compare: interrupted before the report was written; recording the export as failed',
      );
      expect(existsSync(out)).toBe(false);
      const exports = records(home).filter((record) => record.event.action === 'E');
      expect(exports.map((record) => record.event.outcome)).toEqual(['0', '8']);
      expect(exports[1]?.event.outcomeDesc).toBe('interrupted before the report was written');
      expect(verifyHome(home).ok).toBe(true);
    },
    60_000,
  );
});
