import { describe, expect, it } from 'vitest';
import { align } from '../../../../shared/compare/align';
import { canonicalizeXml, pathOfLine } from '../../../../shared/compare/canonical-xml';
import { contentChanges } from '../../../../shared/compare/content-changes';
import { ElementPaths } from '../../../../shared/compare/element-paths';
import {
  compileRules,
  resolveIgnoreProfile,
  type IgnoreRule,
  type RuleMatcher,
} from '../../../../shared/compare/ignore-profile';
import { diffLineArrays } from '../../../../shared/compare/line-diff';
import { unwrap } from '../support/fixtures';
import { xmlTree } from '../support/parse-tree';

const canonical = (xml: string) => canonicalizeXml(xmlTree(xml));

function rulesOf(rules: IgnoreRule[]): RuleMatcher {
  return compileRules(unwrap(resolveIgnoreProfile({ id: 'test', title: 'Test', rules }, [])));
}

const cRule: IgnoreRule = {
  id: 'c-values',
  target: 'canonical',
  pattern: '**/b/c',
  reason: 'Test rule.',
};

// <b> twice on the left (b[1], b[2]) and once on the right: the same paths without indexes.
const left = canonical('<a><b><c x="1"/></b><b><c x="2"/><d/></b></a>');
const right = canonical('<a><b><c x="3"/></b><e/></a>');
const lineOf = (form: typeof left, text: string) =>
  form.lines.findIndex((line) => line.includes(text));

describe('ElementPaths', () => {
  it('names every line by the path pathOfLine gives, with and without sibling indexes', () => {
    const paths = new ElementPaths([left, right], rulesOf([]));
    for (const [side, form] of [[0, left] as const, [1, right] as const])
      for (let line = 0; line < form.lines.length; line++) {
        expect(paths.indexedPath(side, line)).toBe(pathOfLine(form, line));
        expect(paths.pathText(paths.linePathId(side, line))).toBe(pathOfLine(form, line, false));
      }
    expect(paths.indexedPath(0, lineOf(left, 'x="2"'))).toBe('/a/b[2]/c');
  });

  it('gives both sides one id per path without indexes, and different paths different ids', () => {
    const paths = new ElementPaths([left, right], rulesOf([]));
    const c1 = paths.linePathId(0, lineOf(left, 'x="1"'));
    const c2 = paths.linePathId(0, lineOf(left, 'x="2"'));
    const c3 = paths.linePathId(1, lineOf(right, 'x="3"'));
    expect(c1).toBe(c2);
    expect(c1).toBe(c3);
    expect(paths.linePathId(0, lineOf(left, '<d'))).not.toBe(c1);
    expect(paths.linePathId(1, lineOf(right, '<e'))).not.toBe(
      paths.linePathId(0, lineOf(left, '<d')),
    );
  });

  it('matches each distinct path against the rules once, on either side', () => {
    const rules = rulesOf([cRule]);
    const asked: string[] = [];
    const counting: RuleMatcher = {
      ...rules,
      element: (path) => {
        asked.push(path);
        return rules.element(path);
      },
    };
    const paths = new ElementPaths([left, right], counting);
    expect(paths.lineRule(0, lineOf(left, 'x="1"'))?.id).toBe('c-values');
    expect(paths.lineRule(0, lineOf(left, 'x="2"'))?.id).toBe('c-values');
    expect(paths.lineRule(1, lineOf(right, 'x="3"'))?.id).toBe('c-values');
    expect(paths.lineRule(0, lineOf(left, '<d'))).toBeUndefined();
    expect(asked).toEqual(['/a/b/c', '/a/b/d']);
  });
});

describe('contentChanges with element paths', () => {
  it('hides a changed line pair on one path when only an ignored attribute differs', () => {
    const a = canonical('<a><b><c x="1" y="same"/></b><f z="1"/></a>');
    const b = canonical('<a><b><c x="2" y="same"/></b><f z="2"/></a>');
    const rules = rulesOf([
      { id: 'c-x', target: 'canonical', pattern: '**/b/c/@x', reason: 'Test rule.' },
    ]);
    const diff = diffLineArrays(a.lines, b.lines);
    const changes = contentChanges(a, b, diff.blocks, rules);
    const byPath = new Map(changes.map((change) => [change.path, change.hiddenBy]));
    expect(byPath.get('/a/b/c')).toBe('c-x');
    expect(byPath.has('/a/f')).toBe(true);
    expect(byPath.get('/a/f')).toBeUndefined();
  });
});

describe('align', () => {
  it('pairs repeated keys in order, then looser keys, and leaves the rest unmatched', () => {
    const item = (key: string, loose: string) => ({ key, loose });
    const l = [item('a', '1'), item('b', '2'), item('a', '3'), item('x', '9')];
    const r = [item('a', '4'), item('y', '9'), item('a', '5'), item('z', '6')];
    const result = align(l, r, [(i) => i.key, (i) => i.loose]);
    expect(result.pairs.map(([p, q]) => `${p.key}${p.loose}-${q.key}${q.loose}`)).toEqual([
      'a1-a4',
      'a3-a5',
      'x9-y9',
    ]);
    expect(result.removed).toEqual([item('b', '2')]);
    expect(result.added).toEqual([item('z', '6')]);
  });
});
