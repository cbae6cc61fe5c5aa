/**
 * What is wrong with an ignore rule's pattern, in words (issue 7 review, finding C). A pattern
 * that is malformed matched nothing and was accepted silently, and one that hides everything was
 * refused only when it was all `**`; `*` over the model or `/*` and `/ClinicalDocument` over the
 * canonical XML hide every difference just the same.
 */
import { metadataFieldNames } from '../documents/metadata-fields';
import { compilePattern, patternCovers } from './path-glob';

/** A name no literal pattern can spell (patterns have no control characters): only wildcards match it. */
const anyName = '\u0001';
/** The document elements of the canonical forms (an RCMR message's content is its CDA). */
const documentElements = ['ClinicalDocument', 'DocumentReference', anyName];

/** One canonical step: `**`, or a name (with its canonical prefix, `*` inside) or `@name`. */
const canonicalStep = /^(?:\*\*|@?[\p{L}\p{N}_.*-]+(?::[\p{L}\p{N}_.*-]+)?)$/u;
/** One model step: a field name, `*` inside it, or `**`. */
const modelStep = /^(?:\*\*|[\p{L}\p{N}_*-]+)$/u;

function stepsOf(pattern: string, target: 'model' | 'canonical'): string[] {
  return target === 'model' ? pattern.split('.') : pattern.replace(/^\//, '').split('/');
}

/** Single-character edits (insert, delete, replace) between two short names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (row[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * What is wrong with a model pattern's first step when it names no field of DocumentMetadata:
 * such a rule hides nothing, so a typo would look like "no differences there" (issue 7 review).
 */
function unknownFieldProblem(first: string): string | undefined {
  const step = compilePattern(first, 'model');
  if (first === '**' || metadataFieldNames.some((name) => patternCovers(step, [name])))
    return undefined;
  // Two edits (a swapped pair, "titel") only in names long enough not to match anything.
  const most = first.length >= 5 ? 2 : 1;
  const near = metadataFieldNames
    .map((name) => ({ name, edits: editDistance(first.toLowerCase(), name.toLowerCase()) }))
    .filter((candidate) => candidate.edits <= most)
    .sort((a, b) => a.edits - b.edits)[0]?.name;
  const hint = near
    ? `did you mean "${near}"?`
    : `a model path starts with one of ${metadataFieldNames.join(', ')}`;
  return `starts with "${first}", which is no field of the document model (${hint}).`;
}

/**
 * What is wrong with a canonical pattern whose first step cannot be the document element:
 * patterns start at the root (a leading `/` is optional), so `/title` or `section/text` matches
 * nothing, and the rule would look like "no differences there".
 */
function rootProblem(first: string, pattern: string): string | undefined {
  const step = compilePattern(first, 'canonical');
  if (documentElements.some((name) => name !== anyName && patternCovers(step, [name])))
    return undefined;
  const anyDepth = `**/${pattern.replace(/^\//, '')}`;
  return `starts with "${first}", which is no document element: a canonical path starts at the document element ("/ClinicalDocument/…") or with "**/" for any depth ("${anyDepth}").`;
}

/**
 * The rest of a sentence saying what is wrong with `pattern` ("uses an index: …"), or undefined
 * when it is a pattern that can match something and does not hide everything.
 */
export function patternProblem(target: 'model' | 'canonical', pattern: string): string | undefined {
  if (/[[\]]/.test(pattern))
    return target === 'model'
      ? 'uses an index: model patterns have none ("authors.time" covers every author\'s time).'
      : 'uses [ or ]: canonical patterns have no indexes or conditions.';
  const steps = stepsOf(pattern, target);
  if (steps.some((step) => step === ''))
    return `has an empty step ("${target === 'model' ? '..' : '//'}" or one at an end).`;
  const valid = target === 'model' ? modelStep : canonicalStep;
  const bad = steps.find((step) => !valid.test(step));
  if (bad !== undefined) return `has a step "${bad}" that is no ${target} path name.`;
  if (target === 'canonical' && steps.slice(0, -1).some((step) => step.startsWith('@')))
    return 'names an attribute (@) before its last step.';
  const unknownField = target === 'model' ? unknownFieldProblem(steps[0] ?? '') : undefined;
  if (unknownField !== undefined) return unknownField;
  const misplaced = target === 'canonical' ? rootProblem(steps[0] ?? '', pattern) : undefined;
  if (misplaced !== undefined) return misplaced;
  const compiled = compilePattern(pattern, target);
  if (target === 'model' && patternCovers(compiled, [anyName]))
    return `would hide everything: "${pattern}" matches every model field.`;
  if (target === 'canonical' && documentElements.some((name) => patternCovers(compiled, [name])))
    return `would hide everything: "${pattern}" matches the document element.`;
  return undefined;
}
