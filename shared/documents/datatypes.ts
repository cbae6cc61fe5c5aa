/**
 * Readers for the HL7 V3 data types CDA headers use: II (ids), CD/CE/CV (codes), PN (names),
 * TS and IVL_TS (times). Each is tolerant: a missing element gives undefined, a `nullFlavor`
 * is kept so the tester can see that the sender said "no information" rather than nothing.
 */
import { labelFor } from '../codes/labels';
import type { XmlElement } from '../xml/tree';
import type { CodedValue, InstanceId, Organisation, PersonName, TimeInterval } from './model';
import { attr, child, childElements, children, cleanText, compact } from './xml-access';

/** Reads an `II`: root, extension, nullFlavor. */
export function readId(element: XmlElement): InstanceId {
  return compact({
    root: attr(element, 'root') ?? '',
    extension: attr(element, 'extension'),
    nullFlavor: attr(element, 'nullFlavor'),
  });
}

/** Reads every child called `name` as an id. */
export function readIds(parent: XmlElement | undefined, name = 'id'): readonly InstanceId[] {
  return children(parent, name).map(readId);
}

/** Reads a coded value (CD/CE/CV/CS) and attaches the label from the Kanta code tables. */
export function readCode(element: XmlElement | undefined): CodedValue | undefined {
  if (!element) return undefined;
  const code = attr(element, 'code') ?? '';
  const codeSystem = attr(element, 'codeSystem') ?? '';
  return compact({
    code,
    codeSystem,
    codeSystemName: attr(element, 'codeSystemName'),
    displayName: attr(element, 'displayName'),
    label: labelFor({ code, codeSystem }),
    nullFlavor: attr(element, 'nullFlavor'),
    originalText: cleanText(child(element, 'originalText')),
  });
}

/** Reads the `@value` of a TS element. */
export function readTime(element: XmlElement | undefined): string | undefined {
  return attr(element, 'value');
}

/** Reads a TS or IVL_TS: `value`, or `low`/`high`. */
export function readInterval(element: XmlElement | undefined): TimeInterval | undefined {
  if (!element) return undefined;
  const interval = compact({
    value: attr(element, 'value'),
    low: readTime(child(element, 'low')),
    high: readTime(child(element, 'high')),
  });
  return Object.keys(interval).length > 0 ? interval : undefined;
}

/** Reads a PN: given names (the CL call name apart), family names, prefixes, suffixes. */
export function readName(element: XmlElement | undefined): PersonName | undefined {
  if (!element) return undefined;
  const given: string[] = [];
  const family: string[] = [];
  const prefix: string[] = [];
  const suffix: string[] = [];
  let callName: string | undefined;
  for (const part of childElements(element)) {
    const text = cleanText(part);
    if (text === undefined) continue;
    if (part.name === 'given' && attr(part, 'qualifier') === 'CL') callName = text;
    else if (part.name === 'given') given.push(text);
    else if (part.name === 'family') family.push(text);
    else if (part.name === 'prefix') prefix.push(text);
    else if (part.name === 'suffix') suffix.push(text);
  }
  // A name given as plain text (<name>Testi Potilas</name>) has no parts.
  const plain = given.length + family.length === 0 ? cleanText(element) : undefined;
  const formatted = plain ?? [...given, ...family].join(' ');
  if (formatted === '' && callName === undefined) return undefined;
  return compact({
    given,
    family,
    prefix,
    suffix,
    callName,
    formatted: formatted || (callName ?? ''),
  });
}

/** Reads an organisation with ids, name and `asOrganizationPartOf/wholeOrganization`. */
export function readOrganisation(element: XmlElement | undefined): Organisation | undefined {
  if (!element) return undefined;
  const whole = child(child(element, 'asOrganizationPartOf'), 'wholeOrganization');
  return compact({
    ids: readIds(element),
    name: cleanText(child(element, 'name')),
    partOf: readOrganisation(whole),
  });
}
