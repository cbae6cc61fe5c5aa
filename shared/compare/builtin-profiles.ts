/**
 * The ignore profiles Archivist ships (resources/ignore-profiles/*.json), bundled as data so the
 * app, the worker and the command line all see the same ones without a file lookup at run time.
 * They are validated like a tester's own profiles; a broken shipped profile is a refusal, not a crash.
 */
import archiveFilledProfile from '../../resources/ignore-profiles/archive-filled.json' with { type: 'json' };
import defaultProfile from '../../resources/ignore-profiles/default.json' with { type: 'json' };
import prescriptionProfile from '../../resources/ignore-profiles/prescription.json' with { type: 'json' };
import { err, ok, type Result } from '../result';
import {
  parseIgnoreProfile,
  profileAppliesTo,
  resolveIgnoreProfile,
  type IgnoreProfile,
  type ResolvedProfile,
} from './ignore-profile';

const sources: readonly { readonly file: string; readonly json: unknown }[] = [
  { file: 'default.json', json: defaultProfile },
  { file: 'archive-filled.json', json: archiveFilledProfile },
  { file: 'prescription.json', json: prescriptionProfile },
];

/** The shipped profiles, validated. */
export function builtinProfiles(): Result<IgnoreProfile[]> {
  const profiles: IgnoreProfile[] = [];
  for (const source of sources) {
    const parsed = parseIgnoreProfile(source.json, `resources/ignore-profiles/${source.file}`);
    if (!parsed.ok) return parsed;
    profiles.push(parsed.value);
  }
  return ok(profiles);
}

/** A profile by id among the shipped ones and `extra` (a tester's own), resolved. */
export function findIgnoreProfile(
  id: string,
  extra: readonly IgnoreProfile[] = [],
): Result<ResolvedProfile> {
  const shipped = builtinProfiles();
  if (!shipped.ok) return shipped;
  const known = [...extra, ...shipped.value];
  const profile = known.find((candidate) => candidate.id === id);
  if (!profile) {
    const names = [...new Set(known.map((candidate) => candidate.id))].join(', ');
    return err(
      'ignore-profile-unknown',
      `There is no ignore profile "${id}"; known profiles: ${names}, none.`,
    );
  }
  return resolveIgnoreProfile(profile, known);
}

/** The id of the most specific shipped profile for a document code (a per-type one, else "default"). */
export function suggestIgnoreProfile(
  code: { readonly code: string; readonly codeSystem: string } | undefined,
): string {
  const shipped = builtinProfiles();
  if (!shipped.ok) return 'default';
  return (
    shipped.value.find((profile) => profile.appliesTo && profileAppliesTo(profile, code))?.id ??
    'default'
  );
}

/**
 * The profile for a pair when the tester names none: the document type's own profile when both
 * sides are of that type (prescriptions get `prescription`), else `default` (two sides of
 * different types share no per-type rules). Issue 7 review, finding E: `appliesTo` had no effect.
 */
export function profileForDocuments(
  left: { readonly code: string; readonly codeSystem: string } | undefined,
  right: { readonly code: string; readonly codeSystem: string } | undefined,
): Result<ResolvedProfile> {
  const leftId = suggestIgnoreProfile(left);
  return findIgnoreProfile(leftId === suggestIgnoreProfile(right) ? leftId : 'default');
}
