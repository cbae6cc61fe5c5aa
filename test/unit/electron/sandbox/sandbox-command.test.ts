/** `archivist sandbox` as a user runs it: a real process that prints "listening on" and stops on Ctrl+C. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runArchivist as run } from '../../support/run-cli';

const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

describe('archivist sandbox', () => {
  it('prints listening on, serves FHIR and exits 0 on SIGINT', async () => {
    const child = spawn(
      tsx,
      [
        'electron/cli/archivist.ts',
        'sandbox',
        '--port',
        '0',
        '--patients',
        '5',
        '--documents',
        '40',
      ],
      {
        cwd: root,
      },
    );
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited before listening: ${output}`)));
    });
    expect((await fetch(`${baseUrl}/metadata`)).status).toBe(200);
    const count = (await (await fetch(`${baseUrl}/DocumentReference?_summary=count`)).json()) as {
      total?: number;
    };
    expect(count.total).toBe(40);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 30_000);

  it.each([
    [['sandbox', '--port', 'abc'], '--port must be a whole number'],
    [['sandbox', '--faults', 'error=lots'], "'error=lots'"],
    [['sandbox', '--now', 'tomorrow'], '--now must be an ISO date'],
    [['sandbox', '--colour'], 'colour'],
    [['sandbox', '--environment', 'prod'], "--environment must be one of at, tk, not 'prod'."],
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('    at ');
  });

  it('documents the fault spec in --help', async () => {
    const { code, stdout } = await run(['sandbox', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('blackhole=/Binary');
  });
});
