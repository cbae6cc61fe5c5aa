/**
 * Issue 7, "Done when": applying the unified output to the left file gives the right file exactly,
 * here over generated CDA pairs (test/support/generated-cda.ts): a document and an edited copy,
 * in one style or each in its own (LF, CRLF or no line breaks at all, tabs, prefixes, wrapped
 * Base64), applied by the real `git apply` and `patch`. unified-patch.test.ts does the same over
 * random line soups; a failure here names its seed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedPatch } from '../../../../shared/compare/unified-patch';
import { mutateCda, randomStyle, writeCda } from '../../../support/cda-writer';
import { generateCda } from '../../../support/generated-cda';
import { forEachSeed } from '../../../support/seeded-cases';

const work = mkdtempSync(join(tmpdir(), 'archivist-patch-properties-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tools = {
  git: ['git', ['apply', '--whitespace=nowarn', 'change.patch']],
  patch: ['patch', ['--quiet', '-i', 'change.patch']],
} as const;
const has = (tool: string) => spawnSync(tool, ['--version']).status === 0;

/** The left file after the tool applied the patch of left → right to it. */
function applied(tool: keyof typeof tools, left: string, right: string, seed: number): string {
  const dir = join(work, `${tool}-${seed}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'left.xml'), left, 'utf8');
  const { patch } = unifiedPatch(left, right, 'left.xml');
  if (patch === '') return left;
  writeFileSync(join(dir, 'change.patch'), patch, 'utf8');
  const [command, args] = tools[tool];
  const run = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`${tool} refused the patch: ${run.stderr}${run.stdout}`);
  return readFileSync(join(dir, 'left.xml'), 'utf8');
}

describe('unifiedPatch over generated CDA pairs', () => {
  for (const tool of ['git', 'patch'] as const) {
    it.skipIf(!has(tool))(
      `${tool} turns the left file into the right one (25 pairs)`,
      () => {
        forEachSeed(25, tool === 'git' ? 7000 : 8000, (next, seed) => {
          const tree = generateCda(next);
          const style = randomStyle(next);
          const left = writeCda(tree, style);
          // Half the pairs keep the style (a stored copy of what was sent), half change it too.
          const right = writeCda(mutateCda(tree, next), next() < 0.5 ? style : randomStyle(next));
          expect(applied(tool, left, right, seed)).toBe(right);
        });
      },
      120_000,
    );
  }
});
