/**
 * Which ignore profile the app's compare uses (issue 7): a shipped one by id, `none`, or `auto`,
 * the documents' type's own profile, and the menu of choices the compare view shows.
 */
import { builtinProfiles, findIgnoreProfile } from '../../../shared/compare/builtin-profiles';
import { noIgnoreProfile, type ResolvedProfile } from '../../../shared/compare/ignore-profile';
import type { ComparedDocuments } from '../../../shared/ipc/compare-types';
import { ok, type Result } from '../../../shared/result';

/**
 * The id that asks for the documents' type's own profile (`prescription` for two prescriptions,
 * else `default`): the compare worker picks it once it has read both sides (issue 7 review, E).
 */
export const byDocumentTypeProfileId = 'auto';

/** The profile a request names; for `auto` the fallback the worker replaces by the type's. */
export function profileFor(id: string): Result<ResolvedProfile> {
  if (id === byDocumentTypeProfileId) return findIgnoreProfile('default');
  return id === 'none' ? ok(noIgnoreProfile) : findIgnoreProfile(id);
}

/**
 * The profile menu's entries, as the compare view lists them; `picked` is the profile the
 * document type chose when the request asked for it, so the menu's entry says which one was used
 * (the view shows it nowhere else).
 */
export function ignoreProfileChoices(picked?: string): ComparedDocuments['ignoreProfiles'] {
  const shipped = builtinProfiles();
  return [
    {
      id: byDocumentTypeProfileId,
      title: `The document type's profile${picked === undefined ? '' : ` (here: ${picked})`}`,
    },
    ...(shipped.ok
      ? shipped.value.map((profile) => ({ id: profile.id, title: profile.title }))
      : []),
    { id: 'none', title: 'Hide nothing' },
  ];
}
