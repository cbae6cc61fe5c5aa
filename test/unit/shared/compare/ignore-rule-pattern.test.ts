/**
 * Ignore rule patterns that match nothing or hide everything are refused with a sentence naming
 * the rule and what is wrong (issue 7 review, finding C); the patterns the README and the shipped
 * profiles use are accepted.
 */
import { describe, expect, it } from 'vitest';
import { parseIgnoreProfile } from '../../../../shared/compare/ignore-profile';
import { metadataFieldNames } from '../../../../shared/documents/metadata-fields';

function refusal(target: 'model' | 'canonical', pattern: string): string | undefined {
  const parsed = parseIgnoreProfile(
    {
      id: 'mine',
      title: 'Mine',
      rules: [
        { id: 'fine', target: 'model', pattern: 'copyTime', reason: 'Filled by the archive.' },
        { id: 'tested', target, pattern, reason: 'A reason.' },
      ],
    },
    'mine.json',
  );
  return parsed.ok ? undefined : parsed.error.message;
}

const prefix = 'The ignore profile mine.json is not valid: rule "tested"';

describe('ignore rule patterns', () => {
  const refused: [string, 'model' | 'canonical', string, string][] = [
    [
      'all-any-depth',
      'canonical',
      '**',
      'would hide everything: "**" matches the document element.',
    ],
    [
      'any document element',
      'canonical',
      '/*',
      'would hide everything: "/*" matches the document element.',
    ],
    [
      'the CDA element',
      'canonical',
      '/ClinicalDocument',
      'would hide everything: "/ClinicalDocument" matches the document element.',
    ],
    [
      'the CDA element at any depth',
      'canonical',
      '**/ClinicalDocument/**',
      'would hide everything: "**/ClinicalDocument/**" matches the document element.',
    ],
    [
      'the FHIR element',
      'canonical',
      'DocumentReference',
      'would hide everything: "DocumentReference" matches the document element.',
    ],
    ['every model field', 'model', '*', 'would hide everything: "*" matches every model field.'],
    [
      'every model field at any depth',
      'model',
      '*.**',
      'would hide everything: "*.**" matches every model field.',
    ],
    [
      'all-any-depth over the model',
      'model',
      '**',
      'would hide everything: "**" matches every model field.',
    ],
    [
      'a model index',
      'model',
      'authors[1].time',
      'uses an index: model patterns have none ("authors.time" covers every author\'s time).',
    ],
    [
      'an unclosed bracket',
      'canonical',
      '/ClinicalDocument/[',
      'uses [ or ]: canonical patterns have no indexes or conditions.',
    ],
    [
      'a canonical index',
      'canonical',
      '/ClinicalDocument/component[1]',
      'uses [ or ]: canonical patterns have no indexes or conditions.',
    ],
    [
      'an empty canonical step',
      'canonical',
      '/ClinicalDocument//title',
      'has an empty step ("//" or one at an end).',
    ],
    [
      'a trailing slash',
      'canonical',
      '/ClinicalDocument/title/',
      'has an empty step ("//" or one at an end).',
    ],
    [
      'an empty model step',
      'model',
      'localHeader..declaredTime',
      'has an empty step (".." or one at an end).',
    ],
    [
      'a condition',
      'canonical',
      "/ClinicalDocument/title='x'",
      'has a step "title=\'x\'" that is no canonical path name.',
    ],
    [
      'a model step that is no name',
      'model',
      'localHeader.declared(Time)',
      'has a step "declared(Time)" that is no model path name.',
    ],
    [
      'a misspelt model field',
      'model',
      'titel',
      'starts with "titel", which is no field of the document model (did you mean "title"?).',
    ],
    [
      'a model field in the wrong case',
      'model',
      'LocalHeader.declaredTime',
      'starts with "LocalHeader", which is no field of the document model (did you mean "localHeader"?).',
    ],
    [
      'a wildcard matching no model field',
      'model',
      'zz*.time',
      `starts with "zz*", which is no field of the document model (a model path starts with one of ${metadataFieldNames.join(', ')}).`,
    ],
    [
      'a canonical path that does not start at the document element',
      'canonical',
      '/title',
      'starts with "title", which is no document element: a canonical path starts at the document element ("/ClinicalDocument/…") or with "**/" for any depth ("**/title").',
    ],
    [
      'a relative canonical path (patterns start at the root)',
      'canonical',
      'section/text',
      'starts with "section", which is no document element: a canonical path starts at the document element ("/ClinicalDocument/…") or with "**/" for any depth ("**/section/text").',
    ],
    [
      'a document element with a prefix canonical forms do not use',
      'canonical',
      '/cda:ClinicalDocument/title',
      'starts with "cda:ClinicalDocument", which is no document element: a canonical path starts at the document element ("/ClinicalDocument/…") or with "**/" for any depth ("**/cda:ClinicalDocument/title").',
    ],
    [
      'an attribute with children',
      'canonical',
      '**/section/@ID/x',
      'names an attribute (@) before its last step.',
    ],
  ];
  for (const [what, target, pattern, problem] of refused)
    it(`refuses ${what} (${pattern}), naming the rule`, () => {
      expect(refusal(target, pattern)).toBe(`${prefix} ${problem}`);
    });

  const accepted: ['model' | 'canonical', string][] = [
    ['canonical', '/ClinicalDocument/title'],
    ['canonical', '/ClinicalDocument/copyTime'],
    ['canonical', '**/hl7fi:localHeader/hl7fi:activeCustodian*'],
    ['canonical', '**/section/@ID'],
    ['canonical', '**/ds:Signature'],
    ['canonical', '/ClinicalDocument/*'],
    ['canonical', '**/@xsi:type'],
    ['canonical', 'ClinicalDocument/title'],
    ['canonical', '/DocumentReference/date'],
    ['canonical', '/Clinical*/title'],
    ['model', 'localHeader.activeCustodian*'],
    ['model', 'signatures'],
    ['model', 'authors.time'],
    ['model', '*.time'],
    ['model', 'local*.declaredTime'],
    ['model', '**.time'],
    ['model', 'title'],
  ];
  for (const [target, pattern] of accepted)
    it(`accepts the ${target} pattern ${pattern}`, () => {
      expect(refusal(target, pattern)).toBeUndefined();
    });
});
