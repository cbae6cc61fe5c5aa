/** refuseOutOverInput on its own: the cases the command-level tests do not reach. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../../electron/cli/command';
import { refuseOutOverInput } from '../../../../electron/cli/out-target';

const work = mkdtempSync(join(tmpdir(), 'archivist-out-target-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
writeFileSync(join(work, 'a.xml'), 'a');
writeFileSync(join(work, 'b.xml'), 'b');

const left = (name: string) => [{ role: 'left document', name }];

describe('refuseOutOverInput', () => {
  it('passes another file, and no --out at all', () => {
    expect(() => refuseOutOverInput('b.xml', left('a.xml'), work)).not.toThrow();
    expect(() => refuseOutOverInput(undefined, left('a.xml'), work)).not.toThrow();
  });

  it('refuses a file that does not exist yet when the input names the same path', () => {
    expect(() => refuseOutOverInput('new.xml', left('./new.xml'), work)).toThrow(
      new UsageError('--out names the left document (./new.xml); choose another file.'),
    );
  });

  it('passes an --out that is no regular file, even when it is the input (/dev/null)', () => {
    expect(() => refuseOutOverInput('/dev/null', left('/dev/null'), work)).not.toThrow();
  });

  it('refuses any file inside a folder input, existing or not', () => {
    const folder = [{ role: "audit journal's folder", name: work, isFolder: true }];
    expect(() => refuseOutOverInput('a.xml', folder, work)).toThrow(UsageError);
    expect(() => refuseOutOverInput(join(work, 'later.jsonl'), folder, work)).toThrow(
      `--out is inside the audit journal's folder (${work}); choose a file elsewhere.`,
    );
    expect(() => refuseOutOverInput(join(tmpdir(), 'elsewhere.json'), folder, work)).not.toThrow();
  });

  it('shows a control character in a name as ?, keeping the message one line', () => {
    expect(() => refuseOutOverInput('x\ny.xml', left('x\ny.xml'), work)).toThrow(
      '--out names the left document (x?y.xml); choose another file.',
    );
  });
});
