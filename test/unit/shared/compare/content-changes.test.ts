import { describe, expect, it } from 'vitest';
import { canonicalizeXml } from '../../../../shared/compare/canonical-xml';
import { contentChanges } from '../../../../shared/compare/content-changes';
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

function changesOf(leftXml: string, rightXml: string, rules: IgnoreRule[] = []) {
  const left = canonical(leftXml);
  const right = canonical(rightXml);
  return contentChanges(
    left,
    right,
    diffLineArrays(left.lines, right.lines).blocks,
    rulesOf(rules),
  );
}

const rule = (id: string, pattern: string): IgnoreRule => ({
  id,
  target: 'canonical',
  pattern,
  reason: 'Test rule.',
});

describe('contentChanges', () => {
  it('lists each change member in one order, with only the optional members that apply', () => {
    const changes = changesOf(
      '<a>\n<b>1</b>\n<x/>\n<c/>\n<d>x</d>\n</a>',
      '<a>\n<b>2</b>\n<x/>\n<d>x</d>\n<e/>\n</a>',
    );
    expect(changes.map((change) => Object.keys(change))).toEqual([
      // b changed (with its word diff), c removed, e added.
      [
        'leftStart',
        'leftEnd',
        'rightStart',
        'rightEnd',
        'path',
        'leftSourceLine',
        'rightSourceLine',
        'removed',
        'added',
        'words',
      ],
      [
        'leftStart',
        'leftEnd',
        'rightStart',
        'rightEnd',
        'path',
        'leftSourceLine',
        'removed',
        'added',
      ],
      [
        'leftStart',
        'leftEnd',
        'rightStart',
        'rightEnd',
        'path',
        'rightSourceLine',
        'removed',
        'added',
      ],
    ]);
    expect(changes[0]).toMatchObject({ path: '/a/b', leftSourceLine: 2, rightSourceLine: 2 });
    expect(changes[2]).toMatchObject({ path: '/a/e', rightSourceLine: 5, removed: [] });
  });

  it('hides a block only when every line is covered, on either side', () => {
    const rules = [rule('b-values', '**/b')];
    // b against b: covered on both sides.
    expect(changesOf('<a><b>1</b><c/></a>', '<a><b>2</b><c/></a>', rules)[0]!.hiddenBy).toBe(
      'b-values',
    );
    // c against b, and b against c: one side of the pair is not covered, so it stays visible.
    expect(changesOf('<a><c>1</c></a>', '<a><b>2</b></a>', rules)[0]!.hiddenBy).toBeUndefined();
    expect(changesOf('<a><b>1</b></a>', '<a><c>2</c></a>', rules)[0]!.hiddenBy).toBeUndefined();
    // A removed b line alone is covered.
    expect(changesOf('<a><b>1</b><c/></a>', '<a><c/></a>', rules)[0]!.hiddenBy).toBe('b-values');
  });

  it('hides a pair that differs only in an ignored attribute, which no element rule covers', () => {
    const rules = [rule('c-x', '**/c/@x')];
    expect(
      changesOf('<a><c x="1" y="2"/></a>', '<a><c x="3" y="2"/></a>', rules)[0]!.hiddenBy,
    ).toBe('c-x');
    expect(
      changesOf('<a><c x="1" y="2"/></a>', '<a><c x="3" y="4"/></a>', rules)[0]!.hiddenBy,
    ).toBeUndefined();
  });
});
