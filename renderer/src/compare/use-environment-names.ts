/**
 * The environments' display names by profile id, asked of the workspace only when `isWanted`:
 * after a failed comparison the page has no answer naming its sides, and its side boxes showed
 * profile ids ("down · seed-doc-50") where an answer says "Down environment" (issue 7 review,
 * item 7).
 */
import { useEffect, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';

export function useEnvironmentNames(
  api: ArchivistApi,
  isWanted: boolean,
): ReadonlyMap<string, string> | undefined {
  const [names, setNames] = useState<ReadonlyMap<string, string>>();
  const isNeeded = isWanted && names === undefined;
  useEffect(() => {
    if (!isNeeded) return;
    let isCurrent = true;
    void api.getWorkspace().then((result) => {
      if (isCurrent && result.ok)
        setNames(
          new Map(result.value.profiles.map((profile) => [profile.id, profile.displayName])),
        );
    });
    return () => {
      isCurrent = false;
    };
  }, [api, isNeeded]);
  return names;
}
