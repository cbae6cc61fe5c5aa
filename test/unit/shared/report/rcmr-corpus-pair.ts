/**
 * An HL7 V3 RCMR archive message (RCMR_IN100002FI01) generated around a real corpus CDA, for the
 * redaction tests of issue 8: the CDA travels as Base64 in a MIME part of clinicalDocument/text,
 * as DOMAIN.md §2 describes, and the wrapper carries fields of its own that name people (the
 * patient, the person who sent it) and the patient's identity code.
 */

/** People and codes the generated wrapper holds; none of them occurs in the corpus CDAs. */
export const wrapperOnly = {
  /** The sending professional in the wrapper's author. */
  senderGiven: 'Sinikka',
  senderFamily: 'Lähettäjäinen',
  /** A second test code in the wrapper only (an informant's), hetu-shaped. */
  informantCode: '010203A9998',
  /** A code under the hetu root that is not hetu-shaped (a temporary id). */
  temporaryId: 'TEMP-77-QX',
} as const;

/** The patient's id and name, as the wrapper repeats them from the CDA. */
export interface WrapperPatient {
  readonly hetu: string;
  readonly given: readonly string[];
  readonly family: string;
}

/** Base64 lines of 76 characters with CRLF, as MIME writes them. */
function mimeBase64(bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76));
  return lines.join('&#13;\n');
}

/** An RCMR_IN100002FI01 message that carries `cda` and repeats `patient` in its wrapper. */
export function rcmrAround(cda: Uint8Array, patient: WrapperPatient, messageId: string): string {
  const given = patient.given.map((name) => `<given>${name}</given>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<RCMR_IN100002FI01 xmlns="urn:hl7-org:v3" ITSVersion="XML_1.0">
  <id root="1.2.246.10.99999990.98.2024.${messageId}"/>
  <creationTime value="20240201091500"/>
  <interactionId root="2.16.840.1.113883.1.6" extension="RCMR_IN100002FI01"/>
  <processingCode code="P"/>
  <processingModeCode code="T"/>
  <acceptAckCode code="AL"/>
  <receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.246.10.99999990.97.1"/></device></receiver>
  <sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.246.10.99999990.97.2"/></device></sender>
  <controlActProcess classCode="CACT" moodCode="EVN">
    <reasonCode code="PP1" codeSystem="1.2.246.537.5.40157.2008"/>
    <subject typeCode="SUBJ">
      <clinicalDocument classCode="DOCCLIN" moodCode="EVN">
        <code code="2" codeSystem="1.2.246.537.5.40150.2009"/>
        <text mediaType="multipart/related">
MIME-Version: 1.0&#13;
Content-Type: multipart/related; boundary="----=_Part_0_${messageId}"; type="text/xml"&#13;
&#13;
------=_Part_0_${messageId}&#13;
Content-Type: text/xml; charset=UTF-8&#13;
Content-Transfer-Encoding: base64&#13;
&#13;
${mimeBase64(cda)}&#13;
------=_Part_0_${messageId}--&#13;
</text>
        <completionCode code="1" codeSystem="1.2.246.537.5.40115.2006"/>
        <storageCode code="1" codeSystem="1.2.246.537.5.40116.2006"/>
        <recordTarget>
          <patientRole>
            <id root="1.2.246.21" extension="${patient.hetu}"/>
            <patient><name>${given}<family>${patient.family}</family></name></patient>
          </patientRole>
        </recordTarget>
        <author>
          <assignedAuthor>
            <id root="1.2.246.21" extension="${wrapperOnly.temporaryId}"/>
            <assignedPerson><name><given>${wrapperOnly.senderGiven}</given><family>${wrapperOnly.senderFamily}</family></name></assignedPerson>
          </assignedAuthor>
        </author>
        <informant>
          <relatedEntity classCode="PRS"><id root="1.2.246.21" extension="${wrapperOnly.informantCode}"/></relatedEntity>
        </informant>
      </clinicalDocument>
    </subject>
  </controlActProcess>
</RCMR_IN100002FI01>
`;
}
