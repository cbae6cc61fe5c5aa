/**
 * The JSON of a stored resource version, written once. Versions are never changed in place (a
 * change is a new version object), so the text can be kept as long as the version is: a search
 * page is then 50 cached strings joined, not 50 DocumentReferences serialised again, and a seeded
 * document's lazily computed attachment facts are read once.
 */
const written = new WeakMap<object, string>();

/** `JSON.stringify(resource)`, cached per resource object. */
export function resourceJson(resource: object): string {
  let json = written.get(resource);
  if (json === undefined) {
    json = JSON.stringify(resource);
    written.set(resource, json);
  }
  return json;
}
