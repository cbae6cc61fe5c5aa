/**
 * FHIR XML (namespace http://hl7.org/fhir) to the JSON shape the DocumentReference mapper reads.
 * FHIR XML keeps primitive values in `value` attributes and repeats elements for lists
 * (https://hl7.org/fhir/R4/xml.html). Element names become object keys, so the objects have no
 * prototype and names like `__proto__` are dropped: they are never FHIR names. Extensions and
 * the XHTML narrative are not needed for metadata and are skipped.
 */
import { err, ok, type Result } from '../result';
import { Namespaces, type XmlElement } from '../xml/tree';
import { attr, childElements } from './xml-access';

const SKIPPED = new Set([
  'extension',
  'modifierExtension',
  '__proto__',
  'constructor',
  'prototype',
]);
/** Only on the resource itself: the XHTML narrative and contained resources. */
const SKIPPED_AT_ROOT = new Set(['text', 'contained']);

type JsonValue = string | { [key: string]: JsonValue | JsonValue[] };

function convert(element: XmlElement, isRoot = false): JsonValue {
  const kids = childElements(element).filter(
    (e) =>
      e.namespace === Namespaces.fhir &&
      !SKIPPED.has(e.name) &&
      !(isRoot && SKIPPED_AT_ROOT.has(e.name)),
  );
  const value = attr(element, 'value');
  if (value !== undefined && kids.length === 0) return value;
  const object: { [key: string]: JsonValue | JsonValue[] } = Object.create(null) as {
    [key: string]: JsonValue;
  };
  if (value !== undefined) object.value = value;
  for (const kid of kids) {
    const converted = convert(kid);
    const existing = object[kid.name];
    if (existing === undefined) object[kid.name] = converted;
    else if (Array.isArray(existing)) existing.push(converted);
    else object[kid.name] = [existing, converted];
  }
  return object;
}

/** Converts a FHIR XML resource tree to its JSON-like form with `resourceType`. */
export function fhirXmlToJson(root: XmlElement): Result<Readonly<Record<string, unknown>>> {
  if (root.namespace !== Namespaces.fhir) {
    return err(
      'fhir-not-fhir-xml',
      `<${root.name}> is not in the FHIR namespace ${Namespaces.fhir}.`,
    );
  }
  const converted = convert(root, true);
  const object =
    typeof converted === 'string' ? (Object.create(null) as Record<string, unknown>) : converted;
  object.resourceType = root.name;
  return ok(object);
}
