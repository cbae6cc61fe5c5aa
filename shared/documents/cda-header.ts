/**
 * The CDA R2 header participations (DOMAIN.md §2 table): patient, authors, custodian,
 * participants, related documents, the encompassing encounter and the service event.
 */
import { CodeSystems } from '../codes/code-tables';
import type { XmlElement } from '../xml/tree';
import {
  readCode,
  readId,
  readIds,
  readInterval,
  readName,
  readOrganisation,
  readTime,
} from './datatypes';
import type {
  Author,
  DocumentId,
  Encounter,
  Organisation,
  Participant,
  Patient,
  RelatedDocument,
  ServiceEvent,
  SetId,
} from './model';
import { attr, child, children, cleanText, compact, path } from './xml-access';

/** `recordTarget/patientRole`: the first hetu id is the patient id, else the first id. */
export function readPatient(root: XmlElement): Patient | undefined {
  const role = path(root, 'recordTarget', 'patientRole');
  if (!role) return undefined;
  const ids = readIds(role);
  const person = child(role, 'patient');
  return compact({
    id: ids.find((id) => id.root === CodeSystems.hetu) ?? ids[0],
    ids,
    name: readName(child(person, 'name')),
    birthTime: readTime(child(person, 'birthTime')),
    gender: readCode(child(person, 'administrativeGenderCode')),
  });
}

function readAuthor(author: XmlElement): Author {
  const assigned = child(author, 'assignedAuthor');
  return compact({
    functionCode: readCode(child(author, 'functionCode')),
    time: readTime(child(author, 'time')),
    ids: readIds(assigned),
    code: readCode(child(assigned, 'code')),
    name: readName(child(child(assigned, 'assignedPerson'), 'name')),
    device: cleanText(child(child(assigned, 'assignedAuthoringDevice'), 'softwareName')),
    organisation: readOrganisation(child(assigned, 'representedOrganization')),
    nullFlavor: attr(author, 'nullFlavor'),
  });
}

/** Every header `author`, in document order. */
export function readAuthors(root: XmlElement): readonly Author[] {
  return children(root, 'author').map(readAuthor);
}

/** `custodian/assignedCustodian/representedCustodianOrganization`: the register controller. */
export function readCustodian(root: XmlElement): Organisation | undefined {
  return readOrganisation(
    path(root, 'custodian', 'assignedCustodian', 'representedCustodianOrganization'),
  );
}

function readParticipant(participant: XmlElement): Participant {
  const entity = child(participant, 'associatedEntity');
  return compact({
    typeCode: attr(participant, 'typeCode') ?? '',
    classCode: attr(entity, 'classCode'),
    time: readInterval(child(participant, 'time')),
    ids: readIds(entity),
    code: readCode(child(entity, 'code')),
    name: readName(child(child(entity, 'associatedPerson'), 'name')),
    organisation: readOrganisation(child(entity, 'scopingOrganization')),
  });
}

/** Header `participant`s (CST archive former, SBJ owner of another person's data, ...). */
export function readParticipants(root: XmlElement): readonly Participant[] {
  return children(root, 'participant').map(readParticipant);
}

/** `versionNumber/@value` as a number; undefined when missing or not an integer. */
export function readVersionNumber(element: XmlElement | undefined): number | undefined {
  const value = attr(element, 'value');
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** `relatedDocument/parentDocument` links: RPLC, APND, XFRM. */
export function readRelatedDocuments(root: XmlElement): readonly RelatedDocument[] {
  const related: RelatedDocument[] = [];
  for (const element of children(root, 'relatedDocument')) {
    const parent = child(element, 'parentDocument');
    const id = child(parent, 'id');
    const setId = child(parent, 'setId');
    related.push(
      compact({
        typeCode: attr(element, 'typeCode') ?? '',
        id: (id ? readId(id) : { root: '' }) as DocumentId,
        setId: setId && (readId(setId) as SetId),
        versionNumber: readVersionNumber(child(parent, 'versionNumber')),
        code: readCode(child(parent, 'code')),
      }),
    );
  }
  return related;
}

/** `componentOf/encompassingEncounter` without its id (that is `serviceEventId`). */
export function readEncounter(root: XmlElement): Encounter | undefined {
  const encounter = path(root, 'componentOf', 'encompassingEncounter');
  if (!encounter) return undefined;
  const facility = path(encounter, 'location', 'healthCareFacility');
  const responsible = path(
    encounter,
    'responsibleParty',
    'assignedEntity',
    'representedOrganization',
  );
  return compact({
    effectiveTime: readInterval(child(encounter, 'effectiveTime')),
    code: readCode(child(encounter, 'code')),
    serviceUnit: facility && {
      ids: readIds(facility),
      ...compact({ name: cleanText(path(facility, 'location', 'name')) }),
    },
    serviceProvider: readOrganisation(child(facility, 'serviceProviderOrganization')),
    responsibleOrganisation: readOrganisation(responsible),
  });
}

/** The first `documentationOf/serviceEvent`. */
export function readServiceEvent(root: XmlElement): ServiceEvent | undefined {
  const event = path(root, 'documentationOf', 'serviceEvent');
  if (!event) return undefined;
  return compact({
    ids: readIds(event),
    code: readCode(child(event, 'code')),
    effectiveTime: readInterval(child(event, 'effectiveTime')),
  });
}
