/** How `compare --ignore NAME` tells a profile file of the user's from a shipped profile's id. */

/** Whether --ignore names a file rather than a shipped profile: a path, or a .json name. */
export function isProfileFileName(name: string): boolean {
  return name.endsWith('.json') || /[/\\]/.test(name) || name.startsWith('.');
}
