import { describe, expect, it } from 'vitest';
import { redactionSecretsInXml } from '../../../../shared/report/redaction-secrets-in-xml';
import { rcmrAround, wrapperOnly } from './rcmr-corpus-pair';

describe('redactionSecretsInXml', () => {
  it("gives an RCMR message's names and hetu-root values, wrapper first, then the CDA's body", () => {
    const cda = `<ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody><component><section>
      <entry><act><participant><participantRole><id extension="BODY-ONLY-7" root="1.2.246.21"/>
        <playingEntity><name><given>Vieno</given><family>Vierailija</family></name></playingEntity>
      </participantRole></participant></act></entry>
    </section></component></structuredBody></component></ClinicalDocument>`;
    const patient = { hetu: '010181-900C', given: ['Testi'], family: 'Potilas' };
    const message = rcmrAround(new TextEncoder().encode(cda), patient, '9');
    expect(message).not.toContain('Vierailija');
    expect(redactionSecretsInXml(message)).toEqual({
      identityCodes: [
        '010181-900C',
        wrapperOnly.temporaryId,
        wrapperOnly.informantCode,
        'BODY-ONLY-7',
      ],
      names: [
        'Testi Potilas',
        'Testi',
        'Potilas',
        `${wrapperOnly.senderGiven} ${wrapperOnly.senderFamily}`,
        wrapperOnly.senderGiven,
        wrapperOnly.senderFamily,
        'Vieno Vierailija',
        'Vieno',
        'Vierailija',
      ],
    });
  });

  it('gives a plain CDA its own names and values, and nothing for text with neither', () => {
    const cda =
      '<ClinicalDocument><id root="1.2.246.21" extension="X-1"/><name><given>Aino</given></name></ClinicalDocument>';
    expect(redactionSecretsInXml(cda)).toEqual({ identityCodes: ['X-1'], names: ['Aino'] });
    expect(redactionSecretsInXml('not xml')).toEqual({ identityCodes: [], names: [] });
  });
});
