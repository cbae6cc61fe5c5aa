import { createHash, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { generateSeedCatalog } from '../../../../../electron/sandbox/seed/generate-seed';
import type { SeedDocument } from '../../../../../electron/sandbox/seed/seed-types';
import { signingPublicKey } from '../../../../../electron/sandbox/seed/signature';
import { parseHetu } from '../../../../../shared/identity/hetu';
import type { XmlElement } from '../../../../../shared/xml/tree';
import { attr, children, parseDocument, path, text } from './seed-test-helpers';

const catalog = generateSeedCatalog({ seed: 7, patients: 25, documents: 500 });
const docs = catalog.documents;
const withProblem = (p: SeedDocument['problems'][number]): SeedDocument[] =>
  docs.filter((d) => d.problems.includes(p));
const clean = docs.filter((d) => d.problems.length === 0);

const HEADER = [
  'realmCode',
  'typeId',
  'templateId',
  'id',
  'code',
  'title',
  'effectiveTime',
  'confidentialityCode',
  'languageCode',
  'setId',
  'versionNumber',
  'recordTarget',
  'author',
  'custodian',
  'documentationOf',
  'componentOf',
  'component',
];
const LOCAL = [
  'description',
  'tableOfContents',
  'registratedTime',
  'declaredTime',
  'typeCode',
  'fileFormat',
  'softwareSupport',
  'documentType',
  'retentionPeriod',
  'functionCode',
  'recordStatus',
  'signatureCollection',
  'patientRegistrySpecifier',
  'patientRegistrySpecifierName',
  'custodianTypeCode',
  'encompassingEncounterCode',
  'retentionPeriodClass',
];
const SOCIAL = [
  'creationTime',
  'documentGroup',
  'fileFormat',
  'structuredFileFormat',
  'softwareSupport',
  'recordStatus',
  'registryType',
  'totalRetentionPeriodClass',
  'contentSpecificationId',
  'encompassingClientRelationship',
  'signatureCollection',
  'structuredContent',
];

const elementNames = (e: XmlElement): string[] =>
  e.children.flatMap((n) => (n.kind === 'element' ? [n.name] : []));

/** The signed body's bytes as written (already canonical) and the SignedInfo's. */
function signedParts(xml: string): { body: string; info: string; digest: string; value: string } {
  const body =
    /<(structuredBody|nonXMLBody) xmlns="urn:hl7-org:v3" ID="body">[\s\S]*?<\/\1>/.exec(xml)?.[0] ??
    '';
  const info = /<SignedInfo[\s\S]*?<\/SignedInfo>/.exec(xml)?.[0] ?? '';
  const digest = /<DigestValue>([^<]*)</.exec(xml)?.[1] ?? '';
  const value = /<SignatureValue>([^<]*)</.exec(xml)?.[1] ?? '';
  return { body, info, digest, value };
}

const digestMatches = (d: SeedDocument): boolean => {
  const s = signedParts(text(d.bytes()));
  return createHash('sha256').update(s.body, 'utf8').digest('base64') === s.digest;
};

describe('seed documents', () => {
  it('are well-formed and carry every header field, in order', () => {
    const kinds = new Set<string>();
    for (const doc of clean.slice(0, 80)) {
      const root = parseDocument(doc.bytes());
      expect(root.name).toBe('ClinicalDocument');
      expect(root.namespace).toBe('urn:hl7-org:v3');
      const names = elementNames(root);
      const header = names.filter((n) => HEADER.includes(n));
      expect([...new Set(header)]).toEqual(HEADER);
      const local = children(root, 'localHeader')[0] ?? children(root, 'localSocialHeader')[0];
      expect(local?.namespace).toBe('urn:hl7finland');
      kinds.add(local?.name ?? '');
      expect(elementNames(local!)).toEqual(local?.name === 'localHeader' ? LOCAL : SOCIAL);
      expect(attr(path(root, 'id'), 'root')).toBe(
        doc.documentReference.masterIdentifier?.value?.slice(8),
      );
      expect(attr(path(root, 'setId'), 'root')).toBe(doc.setId);
      expect(attr(path(root, 'versionNumber'), 'value')).toBe(String(doc.versionNumber));
      expect(attr(path(root, 'code'), 'codeSystem')).toBe('1.2.246.537.5.40150.2009');
      expect(attr(path(root, 'recordTarget', 'patientRole', 'id'), 'extension')).toBe(
        doc.documentReference.subject?.identifier?.value,
      );
      expect(attr(path(root, 'componentOf', 'encompassingEncounter', 'id'), 'root')).toBeTruthy();
      expect(attr(path(root, 'author', 'functionCode'), 'code')).toBe('MER');
    }
    expect(kinds).toEqual(new Set(['localHeader', 'localSocialHeader']));
  });

  it('write RPLC to the previous version and a MIT author on invalidated versions', () => {
    for (const doc of docs
      .filter((d) => d.versionNumber > 1 && d.problems.length === 0)
      .slice(0, 40)) {
      const root = parseDocument(doc.bytes());
      const related = path(root, 'relatedDocument');
      expect(attr(related, 'typeCode')).toBe('RPLC');
      const prevId = doc.documentReference.relatesTo?.[0]?.target.identifier?.value;
      expect(
        `urn:oid:${attr(path(root, 'relatedDocument', 'parentDocument', 'id'), 'root') ?? ''}`,
      ).toBe(prevId);
      expect(attr(path(root, 'relatedDocument', 'parentDocument', 'versionNumber'), 'value')).toBe(
        String(doc.versionNumber - 1),
      );
    }
    const invalidated = docs.filter((d) => d.documentReference.status === 'entered-in-error');
    expect(invalidated.length).toBeGreaterThan(0);
    for (const doc of invalidated) {
      const authors = children(parseDocument(doc.bytes()), 'author');
      expect(authors.map((a) => attr(path(a, 'functionCode'), 'code'))).toEqual(['MER', 'MIT']);
    }
  });

  it('social documents carry Base64 XHTML and Base64 JSON', () => {
    const social = clean.filter((d) => text(d.bytes()).includes('localSocialHeader')).slice(0, 10);
    expect(social.length).toBeGreaterThan(0);
    for (const doc of social) {
      const root = parseDocument(doc.bytes());
      const body = path(root, 'component', 'nonXMLBody', 'text');
      const b64 = body?.children[0]?.kind === 'text' ? body.children[0].text : '';
      expect(Buffer.from(b64, 'base64').toString('utf8')).toMatch(
        /^<html xmlns="http:\/\/www.w3.org\/1999\/xhtml">/,
      );
      const json = path(root, 'localSocialHeader', 'structuredContent')?.children[0];
      expect(
        JSON.parse(Buffer.from(json?.kind === 'text' ? json.text : '', 'base64').toString('utf8')),
      ).toHaveProperty('documentGroup');
    }
  });

  it('signs clean documents: digest over the canonical body and a verifying RSA-SHA256 value', () => {
    const key = signingPublicKey();
    for (const doc of clean.slice(0, 60)) {
      const s = signedParts(text(doc.bytes()));
      expect(digestMatches(doc)).toBe(true);
      expect(
        verify('sha256', Buffer.from(s.info, 'utf8'), key, Buffer.from(s.value, 'base64')),
      ).toBe(true);
    }
  });

  it('plants a digest mismatch whose SignedInfo still verifies', () => {
    const planted = withProblem('signature-digest-mismatch');
    expect(planted.length).toBeGreaterThan(1);
    for (const doc of planted) expect(digestMatches(doc)).toBe(false);
  });

  it('plants metadata that disagrees with the header', () => {
    for (const doc of withProblem('metadata-disagrees-with-header')) {
      const root = parseDocument(doc.bytes());
      const view =
        attr(path(root, 'localHeader', 'tableOfContents', 'contentsCode'), 'code') ??
        attr(path(root, 'localSocialHeader', 'documentGroup'), 'code');
      expect(view).not.toBe(doc.documentReference.type?.coding?.[0]?.code);
    }
  });

  it('plants a missing service event id and a wrong register code', () => {
    const missing = withProblem('missing-service-event-id');
    expect(missing.length).toBeGreaterThan(1);
    for (const doc of missing)
      expect(
        path(parseDocument(doc.bytes()), 'componentOf', 'encompassingEncounter', 'id'),
      ).toBeUndefined();
    const registers = ['1', '2', '3', '4', '6', '7', '8', '10', '11', '12', '13'];
    for (const doc of withProblem('wrong-register-code')) {
      expect(registers).not.toContain(attr(path(parseDocument(doc.bytes()), 'code'), 'code'));
    }
    for (const doc of clean.slice(0, 50))
      expect(registers).toContain(attr(path(parseDocument(doc.bytes()), 'code'), 'code'));
  });

  it('plants duplicate setId + version with a different id', () => {
    for (const doc of withProblem('duplicate-set-id-and-version')) {
      const twins = docs.filter(
        (d) => d.setId === doc.setId && d.versionNumber === doc.versionNumber,
      );
      expect(twins.length).toBeGreaterThanOrEqual(2);
      expect(new Set(twins.map((d) => d.documentReference.masterIdentifier?.value)).size).toBe(
        twins.length,
      );
    }
  });

  it('plants a non-test identity code in a secondary field only', () => {
    const planted = withProblem('non-test-identity-code');
    expect(planted.length).toBeGreaterThan(1);
    for (const doc of planted) {
      const root = parseDocument(doc.bytes());
      const code = attr(path(root, 'participant', 'associatedEntity', 'id'), 'extension') ?? '';
      expect(parseHetu(code).valid).toBe(true);
      expect(parseHetu(code).isTestCode).toBe(false);
      expect(
        parseHetu(attr(path(root, 'recordTarget', 'patientRole', 'id'), 'extension') ?? '')
          .isTestCode,
      ).toBe(true);
    }
    for (const doc of clean.slice(0, 50)) expect(text(doc.bytes())).not.toContain('typeCode="SBJ"');
  });
});
