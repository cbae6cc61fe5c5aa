/**
 * Profile validation: profiles written before TLS and calendars existed still load; TLS settings
 * and calendar overrides are checked field by field, and a passphrase in plain text is refused
 * with a sentence that says where it belongs.
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendarForKind } from '../../../../shared/environments/calendar';
import {
  calendarOfProfile,
  parseProfile,
  parseProfilesFile,
} from '../../../../shared/environments/profile';

const basic = {
  id: 'kanta-at',
  displayName: 'Kanta AT',
  kind: 'AT',
  baseUrl: 'https://at.example.fi/fhir',
  repository: 'patient-data',
  isTestEnvironment: true,
};

function messageOf(raw: unknown): string {
  const parsed = parseProfile(raw);
  return parsed.ok ? 'ok' : `${parsed.error.code}: ${parsed.error.message}`;
}

describe('profile validation', () => {
  it('loads a profiles.json written before TLS and calendars (backward compatible)', () => {
    const parsed = parseProfilesFile({ profiles: [basic] });
    expect(parsed.ok && parsed.value).toEqual([basic]);
  });

  it('keeps TLS file paths and a passphrase reference', () => {
    const tls = {
      pkcs12: '/certs/at.p12',
      caFile: '/certs/ca.pem',
      passphraseRef: 'profile:kanta-at',
    };
    const parsed = parseProfile({ ...basic, tls });
    expect(parsed.ok && parsed.value.tls).toEqual(tls);
  });

  it('refuses a passphrase stored in plain text, saying where it belongs', () => {
    expect(messageOf({ ...basic, tls: { pkcs12: '/a.p12', passphrase: 'secret' } })).toBe(
      'invalid-profile: profile.tls.passphrase is not allowed: passphrases are never stored in profiles.json; set passphraseRef and keep the passphrase in the secret store.',
    );
  });

  it('refuses TLS combinations the client cannot use', () => {
    expect(messageOf({ ...basic, tls: { pkcs12: '/a.p12', certificate: '/c.pem' } })).toBe(
      'invalid-profile: profile.tls must use either pkcs12 or certificate (+ key), not both.',
    );
    expect(messageOf({ ...basic, tls: { key: '/k.pem' } })).toBe(
      'invalid-profile: profile.tls.key needs the certificate it belongs to.',
    );
    expect(messageOf({ ...basic, tls: { pkcs12: '' } })).toContain(
      'profile.tls.pkcs12 must be a file path',
    );
    expect(
      messageOf({ ...basic, tls: { pkcs12: '/a.p12', passphraseRef: 'has space' } }),
    ).toContain('passphraseRef must name a secret store entry');
    expect(messageOf({ ...basic, tls: { pkcs12: '/a.p12', extra: 1 } })).toContain(
      "profile.tls has an unknown field 'extra'",
    );
    expect(
      messageOf({ ...basic, kind: 'folder', baseUrl: '/data', tls: { caFile: '/ca.pem' } }),
    ).toBe('invalid-profile: profile.tls: a folder profile has no TLS settings.');
  });

  it('takes a calendar override and otherwise the default of the kind', () => {
    const calendar = {
      timeZone: 'Europe/Helsinki',
      serviceHours: { days: ['monday'], start: '09:00', end: '12:00' },
      monthly: [],
      announcedOutages: [],
    };
    const parsed = parseProfile({ ...basic, calendar });
    expect(parsed.ok && calendarOfProfile(parsed.value)).toEqual(calendar);
    const plain = parseProfile({ ...basic, kind: 'TK' });
    expect(plain.ok && calendarOfProfile(plain.value)).toEqual(defaultCalendarForKind('TK'));
    expect(
      messageOf({
        ...basic,
        calendar: { ...calendar, serviceHours: { days: ['monday'], start: '12:00', end: '09:00' } },
      }),
    ).toBe('invalid-profile: profile.calendar.serviceHours.end must be later than its start.');
  });

  it('names the entry of profiles.json that is wrong', () => {
    const parsed = parseProfilesFile({
      profiles: [basic, { ...basic, id: 'b', tls: { key: '/k' } }],
    });
    expect(parsed.ok ? 'ok' : parsed.error.message).toBe(
      'profiles.json: profiles[1].tls.key needs the certificate it belongs to.',
    );
  });
});
