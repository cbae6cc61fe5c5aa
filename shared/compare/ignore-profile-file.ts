/**
 * A tester's own ignore profile from the text of its file (`compare --ignore my.json`): the JSON,
 * the profile and where it stands among the shipped ones, each problem in words a tester can act
 * on (issue 7 new-user review).
 */
import { jsonSyntaxError } from '../json-syntax-error';
import { err, type Result } from '../result';
import {
  parseIgnoreProfile,
  resolveIgnoreProfile,
  type IgnoreProfile,
  type ResolvedProfile,
} from './ignore-profile';

/**
 * Windows Notepad saves UTF-8 with a byte order mark, which `JSON.parse` refuses; RFC 8259 §8.1
 * lets a parser ignore one, and a tester cannot see it in the editor.
 */
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The profile in `text`, resolved against the shipped profiles; `where` names the file. */
export function ignoreProfileFromText(
  text: string,
  where: string,
  shipped: readonly IgnoreProfile[],
): Result<ResolvedProfile> {
  const json = withoutByteOrderMark(text);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    const syntax = jsonSyntaxError(json);
    if (syntax === undefined)
      return err('ignore-profile-not-json', `The ignore profile ${where} is not valid JSON.`);
    const { line, column, found } = syntax;
    return err(
      'ignore-profile-not-json',
      `The ignore profile ${where} is not valid JSON at line ${line}, column ${column}: ${found}.`,
      { line, column },
    );
  }
  const parsed = parseIgnoreProfile(raw, where, shipped);
  return parsed.ok ? resolveIgnoreProfile(parsed.value, shipped) : parsed;
}
