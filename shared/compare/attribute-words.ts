/**
 * An element's attributes in words, for the change list's values (issue 7 review: items read
 * "classCode=OBS moodCode=EVN" and "nullFlavor=NI"). Codes of the HL7 v3 vocabularies the CDA
 * body uses read by their names ("mood: intent (INT)", "no information (NI)"), an id as
 * root^extension like the metadata table's ids, anything else as "name: value".
 */
import { Namespaces, type XmlElement } from '../xml/tree';
import { codedText } from './describe-value';

/** HL7 v3 NullFlavor. */
const nullFlavors: Readonly<Record<string, string>> = {
  NI: 'no information',
  NA: 'not applicable',
  UNK: 'unknown',
  ASKU: 'asked but unknown',
  NAV: 'temporarily unavailable',
  NASK: 'not asked',
  MSK: 'masked',
  OTH: 'other',
  NINF: 'negative infinity',
  PINF: 'positive infinity',
  NP: 'not present',
  TRC: 'trace',
  QS: 'sufficient quantity',
};

/** Common codes of ActClass, EntityClass and RoleClass in CDA bodies. */
const classCodes: Readonly<Record<string, string>> = {
  ACT: 'act',
  OBS: 'observation',
  SBADM: 'substance administration',
  SPLY: 'supply',
  PROC: 'procedure',
  ENC: 'encounter',
  CLUSTER: 'cluster',
  BATTERY: 'battery',
  DOC: 'document',
  DOCCLIN: 'clinical document',
  PAT: 'patient',
  PSN: 'person',
  ASSIGNED: 'assigned entity',
  MANU: 'manufactured product',
  MMAT: 'manufactured material',
  OWN: 'owned entity',
  ORG: 'organization',
  PRS: 'personal relationship',
  ROL: 'role',
};

/** ActMood. */
const moodCodes: Readonly<Record<string, string>> = {
  EVN: 'event',
  INT: 'intent',
  RQO: 'request',
  PRMS: 'promise',
  PRP: 'proposal',
  APT: 'appointment',
  ARQ: 'appointment request',
  DEF: 'definition',
  GOL: 'goal',
  'EVN.CRT': 'event criterion',
};

/** ActRelationshipType and ParticipationType codes of entryRelationship, reference, participant. */
const typeCodes: Readonly<Record<string, string>> = {
  COMP: 'has component',
  SUBJ: 'has subject',
  RSON: 'has reason',
  REFR: 'refers to',
  SPRT: 'has support',
  CAUS: 'is etiology for',
  MFST: 'is manifestation of',
  XCRPT: 'is excerpt of',
  RPLC: 'replaces',
  APND: 'appends',
  XFRM: 'transforms',
  PERT: 'pertains to',
  GEVL: 'evaluates goal',
  SBJ: 'subject',
  PRD: 'product',
  CSM: 'consumable',
  HLD: 'holder',
  AUT: 'author',
  PRF: 'performer',
  LOC: 'location',
  DEV: 'device',
  IND: 'indirect target',
  INF: 'informant',
  VRF: 'verifier',
  ENT: 'data enterer',
  RESP: 'responsible party',
};

/** Attribute names as words, with the code table their values read by. */
const known: Readonly<Record<string, { name: string; codes?: Readonly<Record<string, string>> }>> =
  {
    classCode: { name: 'class', codes: classCodes },
    moodCode: { name: 'mood', codes: moodCodes },
    typeCode: { name: 'type', codes: typeCodes },
    nullFlavor: { name: 'null flavor', codes: nullFlavors },
    negationInd: { name: 'negated' },
    inversionInd: { name: 'inverted' },
    contextConductionInd: { name: 'context conduction' },
    contextControlCode: { name: 'context control' },
    determinerCode: { name: 'determiner' },
    institutionSpecified: { name: 'institution specified' },
    mediaType: { name: 'media type' },
    // xsi:type (its local name is "type"; the namespace tells it from typeCode).
    type: { name: 'data type' },
  };

const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
const idParts = new Set(['root', 'extension', 'assigningAuthorityName', 'displayable']);

/** A code of a known vocabulary as "name (CODE)", else the code. */
function codeInWords(codes: Readonly<Record<string, string>> | undefined, value: string): string {
  return codedText(value, codes?.[value]);
}

/** "mediaType" → "media type": an attribute without a table entry still reads as words. */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The element's attributes in words; namespace declarations and ID anchors left out, and the
 * data type (xsi:type) too unless it is all there is: beside a value it only says its form.
 */
export function attributesInWords(element: XmlElement): string {
  const all = element.attributes.filter(
    (entry) => entry.namespace !== xmlnsNamespace && entry.name !== 'ID',
  );
  if (all.length === 0) return '';
  const typed = all.filter((entry) => entry.namespace !== Namespaces.xsi);
  const attributes = typed.length > 0 ? typed : all;
  const value = (name: string) => attributes.find((entry) => entry.name === name)?.value;
  // A null flavor is what the element says; its code system and the like only frame it.
  const nullFlavor = value('nullFlavor');
  if (nullFlavor !== undefined) return codeInWords(nullFlavors, nullFlavor);
  const root = value('root');
  if (root !== undefined && attributes.every((entry) => idParts.has(entry.name))) {
    const extension = value('extension');
    return extension ? `${root}^${extension}` : root;
  }
  return [...attributes]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => {
      const words = known[entry.name];
      return `${words?.name ?? spaced(entry.name)}: ${codeInWords(words?.codes, entry.value)}`;
    })
    .join(', ');
}
