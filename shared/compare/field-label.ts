/**
 * A metadata diff's model path in words: `authors[0].organisation.ids[0]` reads "Author 1 ›
 * organisation › id 1". The tester's review of issue 7 found code paths in the Field column; the
 * path stays beside the label, as the ignore rules and the reports name fields by it.
 */

/** "patientRegistrySpecifier" → "patient registry specifier". */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** One of a list: "authors" → "author", "entries" → "entry", "addresses" → "address". */
function singular(name: string): string {
  if (/ies$/.test(name)) return name.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x)es$/.test(name)) return name.replace(/es$/, '');
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

/** One path step: "ids[0]" → "id 1", "organisation" → "organisation", "lines[0][2]" → "line 1.3". */
function step(segment: string): string {
  const indexes = [...segment.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]) + 1);
  const name = segment.replace(/\[\d+\]/g, '');
  return indexes.length === 0 ? words(name) : `${words(singular(name))} ${indexes.join('.')}`;
}

/** The path's steps in words, joined by "›", the first one capitalised. */
export function fieldLabel(path: string): string {
  const label = path.split('.').map(step).join(' › ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
