import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  patchHeaderPath,
  splitRawLines,
  unifiedPatch,
} from '../../../../shared/compare/unified-patch';
import { seededRandom as random } from '../../../../shared/seeded-random';

const work = mkdtempSync(join(tmpdir(), 'archivist-patch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasPatch = spawnSync('patch', ['--version']).status === 0;

let case_ = 0;

/** Applies the patch of left→right to a copy of left with a real tool; returns the file's bytes. */
function applyWith(tool: 'git' | 'patch', left: string, right: string, name = 'left.xml'): string {
  const dir = join(work, `${tool}-${case_++}`);
  execFileSync('mkdir', ['-p', dirname(join(dir, name))]);
  writeFileSync(join(dir, name), left, 'utf8');
  const { patch } = unifiedPatch(left, right, name);
  if (patch === '') return readFileSync(join(dir, name), 'utf8');
  writeFileSync(join(dir, 'change.patch'), patch, 'utf8');
  const result =
    tool === 'git'
      ? spawnSync('git', ['apply', '--whitespace=nowarn', 'change.patch'], { cwd: dir })
      : spawnSync('patch', ['--quiet', '-p1', '-i', 'change.patch'], { cwd: dir });
  if (result.status !== 0) throw new Error(`${tool} failed: ${String(result.stderr)}\n${patch}`);
  return readFileSync(join(dir, name), 'utf8');
}

function randomDocument(next: () => number, base?: string[]): string {
  const words = ['<a>', '</a>', '  <b x="1"/>', 'tekstiä äö', '', '\t<c>', 'same', 'same'];
  const lines = base
    ? base.flatMap((line) =>
        next() < 0.15
          ? []
          : next() < 0.1
            ? [line, words[Math.floor(next() * words.length)]!]
            : [next() < 0.1 ? `${line}!` : line],
      )
    : Array.from(
        { length: Math.floor(next() * 40) },
        () => words[Math.floor(next() * words.length)]!,
      );
  const eol = next() < 0.3 ? '\r\n' : '\n';
  const finalNewline = next() < 0.7;
  const bom = next() < 0.1 ? '\ufeff' : '';
  return bom + lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
}

describe('splitRawLines', () => {
  it('keeps terminators and a last line without one', () => {
    expect(splitRawLines('a\r\nb\nc')).toEqual(['a\r\n', 'b\n', 'c']);
    expect(splitRawLines('')).toEqual([]);
  });
});

describe('unifiedPatch', () => {
  it('is empty for equal texts', () => {
    expect(unifiedPatch('a\nb\n', 'a\nb\n', 'x.xml').patch).toBe('');
  });

  it('marks a missing final newline', () => {
    expect(unifiedPatch('a\nb', 'a\nc', 'x.xml').patch).toBe(
      '--- a/x.xml\t\n+++ b/x.xml\t\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  const cases: [string, string, string][] = [
    ['CRLF line endings', '<a>\r\n  <b/>\r\n</a>\r\n', '<a>\r\n  <c/>\r\n</a>\r\n'],
    ['a missing final newline on the left', '<a>\n</a>', '<a>\n</a>\n'],
    ['a missing final newline on the right', '<a>\n</a>\n', '<a>\n<b/>\n</a>'],
    ['a byte-order mark added', '<a/>\n', '\ufeff<a/>\n'],
    ['CRLF turned into LF', 'x\r\ny\r\n', 'x\ny\n'],
    ['an empty left file', '', 'new\n'],
    ['an emptied file', 'old\nlines\n', ''],
  ];
  for (const tool of ['git', 'patch'] as const) {
    const available = tool === 'git' ? hasGit : hasPatch;
    for (const [what, left, right] of cases) {
      it.skipIf(!available)(`applies with ${tool}: ${what}`, () => {
        expect(applyWith(tool, left, right)).toBe(right);
      });
    }
    it.skipIf(!available)(`applies with ${tool} on 60 generated pairs, byte for byte`, () => {
      const next = random(tool === 'git' ? 5 : 9);
      for (let round = 0; round < 60; round++) {
        const left = randomDocument(next);
        const right =
          next() < 0.2 ? randomDocument(next) : randomDocument(next, left.split(/\r?\n/));
        expect(applyWith(tool, left, right)).toBe(right);
      }
    });
    it.skipIf(!available)(`applies with ${tool} to a file name with spaces`, () => {
      expect(applyWith(tool, 'a\nb\n', 'a\nc\n', '5 Nutrilon LM.xml')).toBe('a\nc\n');
    });
    it.skipIf(!available)(`applies with ${tool} to files in folders, names git quotes`, () => {
      for (const name of gitQuotedNames)
        expect(applyWith(tool, 'a\nb\n', 'a\nc\n', name), name).toBe('a\nc\n');
    });
  }
});

/** Paths in a folder: plain, with spaces, and ones git quotes (non-ASCII, tab, quote, backslash). */
const gitQuotedNames = [
  'docs/left.xml',
  'my docs/5 Nutrilon LM.xml',
  'lääke/vä sen.xml',
  'docs/tab\tname.xml',
  'docs/"quoted" \\ back.xml',
  'docs/emoji 😀.xml',
];

describe('patchHeaderPath', () => {
  it('leaves a plain path as it is', () => {
    expect(patchHeaderPath('a/', 'docs/left.xml')).toBe('a/docs/left.xml');
    expect(patchHeaderPath('b/', 'my docs/x y.xml')).toBe('b/my docs/x y.xml');
  });

  it.skipIf(!hasGit)('writes each path as git diff --no-index does in its header', () => {
    const dir = join(work, `git-names-${case_++}`);
    for (const name of gitQuotedNames) {
      execFileSync('mkdir', ['-p', dirname(join(dir, name))]);
      writeFileSync(join(dir, name), 'a\n');
      writeFileSync(join(dir, 'other.xml'), 'b\n');
      const diff = spawnSync('git', ['diff', '--no-index', '--', name, 'other.xml'], {
        cwd: dir,
        encoding: 'utf8',
      });
      const header = /^--- (.*?)\t?$/m.exec(diff.stdout)?.[1];
      expect(header, diff.stderr).toBeDefined();
      expect(patchHeaderPath('a/', name)).toBe(header);
    }
  });
});
