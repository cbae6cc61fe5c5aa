/**
 * The unified fast path after its split from the full comparison (compare-documents.ts): it still
 * checks an explicit --ignore (a wrong name is a usage error, though a patch is never filtered),
 * and a caller that takes bytes gets the patch's bytes as they are, in one write.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run-cli';
import { unifiedPatch } from '../../../../shared/compare/unified-patch';
import { runArchivist } from '../../support/run-cli';

const work = mkdtempSync(join(tmpdir(), 'archivist-unified-lean-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const left = join(work, 'left.xml');
const right = join(work, 'right.xml');
writeFileSync(left, '<a>\n<b>ä 1</b>\n</a>\n');
writeFileSync(right, '<a>\n<b>ä 2</b>\n</a>\n');
const home = join(work, 'home');
const args = ['compare', left, right, '--format', 'unified', '--home', home];

describe('compare --format unified', () => {
  it('refuses an unknown --ignore profile as a missing profile file is (exit 1), and takes a known one', async () => {
    const unknown = await runArchivist([...args, '--ignore', 'no-such-profile']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(
      /^archivist compare: There is no ignore profile "no-such-profile"/,
    );
    const missing = await runArchivist([...args, '--ignore', join(work, 'nothing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /Could not read the ignore profile .*nothing\.json \(no such file\)\./,
    );
    const none = await runArchivist([...args, '--ignore', 'none']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('+<b>ä 2</b>');
  });

  it('writes the patch bytes in one write to a caller that takes bytes', async () => {
    const writes: Uint8Array[] = [];
    let text = '';
    // Run in the files' folder, as the compare bench does: the patch names left.xml.
    const code = await runCli(
      ['compare', 'left.xml', 'right.xml', '--format', 'unified', '--home', home],
      {
        stdout: (chunk) => (text += chunk),
        stdoutBytes: (bytes) => writes.push(bytes),
        stderr: () => undefined,
        env: {},
        cwd: work,
        isStderrTty: false,
      },
    );
    expect(code).toBe(0);
    expect(text).toBe('');
    expect(writes).toHaveLength(1);
    const expected = unifiedPatch(
      '<a>\n<b>ä 1</b>\n</a>\n',
      '<a>\n<b>ä 2</b>\n</a>\n',
      'left.xml',
    ).patch;
    expect(Buffer.from(writes[0]!).toString('utf8')).toBe(expected);
  });
});
