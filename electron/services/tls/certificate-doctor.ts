/**
 * The certificate doctor: a preflight of a profile's TLS settings that lists, in plain
 * language, everything that would make a connection fail or soon fail (issue 4, item 7):
 * expired or not yet valid, expiring within 30 days, wrong passphrase, legacy PKCS#12 (with the
 * re-export command), no clientAuth usage, a key that does not match, a CA file that is
 * unreadable or not a CA; and, given the server's address, the result of a real request with
 * exactly the client's TLS options (any HTTP answer means the handshake and our certificate
 * were accepted).
 */
import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import https from 'node:https';
import {
  allowsClientAuth,
  certificatesInPem,
  dayOf,
  factsOf,
  type CertificateFacts,
} from './certificate-facts';
import { classifyTlsFailure } from './classify-tls-error';
import {
  legacyReexportCommand,
  loadClientMaterial,
  readSettingsFile,
  usesLegacyEncryption,
  type ClientTlsSettings,
} from './client-material';
import { loadClientTls, tlsRequestOptions, type ClientTls } from './client-tls';

export interface DoctorFinding {
  readonly severity: 'error' | 'warning' | 'ok';
  /** Stable, e.g. `certificate-expired`, `legacy-pkcs12`, `client-certificate-rejected`. */
  readonly code: string;
  readonly message: string;
}

export interface DoctorReport {
  readonly findings: readonly DoctorFinding[];
  /** True when no finding is an error. */
  readonly isUsable: boolean;
}

export interface DoctorOptions {
  /** The clock the dates are judged by (default: now). */
  readonly now?: Date;
  /** An https:// address of the environment: it is requested once with these settings. */
  readonly serverUrl?: string;
  /** Default 10 000. */
  readonly timeoutMs?: number;
}

const dayMs = 24 * 60 * 60 * 1000;
const expiryWarningDays = 30;

const finding = (
  severity: DoctorFinding['severity'],
  code: string,
  message: string,
): DoctorFinding => ({ severity, code, message });

async function checkCaFile(caFile: string | undefined, now: Date): Promise<DoctorFinding[]> {
  if (!caFile)
    return [
      finding(
        'warning',
        'ca-not-pinned',
        "No CA is pinned: any server whose certificate chains to one of Node's root certificates is trusted. Pin the environment's CA.",
      ),
    ];
  const read = await readSettingsFile(caFile, 'CA file');
  if ('failure' in read) return [finding('error', 'ca-unreadable', read.failure)];
  const certificates = certificatesInPem(read.bytes.toString('utf8')).map(factsOf);
  if (certificates.length === 0)
    return [finding('error', 'ca-unreadable', `The CA file ${caFile} holds no PEM certificate.`)];
  const authority = certificates.find((facts) => facts.isCa);
  if (!authority)
    return [
      finding(
        'error',
        'ca-not-a-ca',
        `The CA file ${caFile} holds no CA certificate (${certificates[0]?.subject} is an end-entity certificate): pin the CA that signed the server's certificate.`,
      ),
    ];
  if (now.getTime() > Date.parse(authority.validTo))
    return [
      finding(
        'error',
        'ca-expired',
        `The pinned CA ${authority.subject} expired on ${dayOf(authority.validTo)}.`,
      ),
    ];
  return [
    finding(
      'ok',
      'ca-ok',
      `The pinned CA is ${authority.subject}, valid until ${dayOf(authority.validTo)}.`,
    ),
  ];
}

function checkDates(facts: CertificateFacts, now: Date): DoctorFinding {
  const name = `The client certificate ${facts.subject}`;
  const daysLeft = Math.floor((Date.parse(facts.validTo) - now.getTime()) / dayMs);
  if (now.getTime() > Date.parse(facts.validTo))
    return finding(
      'error',
      'certificate-expired',
      `${name} expired on ${dayOf(facts.validTo)}: ask the issuer for a new one.`,
    );
  if (now.getTime() < Date.parse(facts.validFrom))
    return finding(
      'error',
      'certificate-not-yet-valid',
      `${name} is not valid until ${dayOf(facts.validFrom)} (or this computer's clock is wrong).`,
    );
  if (daysLeft < expiryWarningDays)
    return finding(
      'warning',
      'certificate-expires-soon',
      `${name} expires on ${dayOf(facts.validTo)}, in ${daysLeft} days: order a new one now.`,
    );
  return finding(
    'ok',
    'certificate-valid',
    `${name} (issued by ${facts.issuer}) is valid until ${dayOf(facts.validTo)}.`,
  );
}

function checkUsage(facts: CertificateFacts): DoctorFinding[] {
  if (allowsClientAuth(facts)) return [];
  return [
    finding(
      'error',
      'certificate-missing-client-auth',
      `The certificate ${facts.subject} is not made for client authentication: its extended key usage lacks clientAuth, so servers refuse it.`,
    ),
  ];
}

/** The PEM certificate's facts even when its key cannot be used (for the date findings). */
async function pemFacts(certificate: string | undefined): Promise<CertificateFacts | undefined> {
  if (!certificate) return undefined;
  try {
    const [first] = certificatesInPem(await readFile(certificate, 'utf8'));
    return first ? factsOf(first) : undefined;
  } catch {
    return undefined;
  }
}

async function legacyFinding(settings: ClientTlsSettings): Promise<DoctorFinding[]> {
  if (!settings.pkcs12) return [];
  try {
    if (!usesLegacyEncryption(await readFile(settings.pkcs12))) return [];
  } catch {
    return [];
  }
  return [
    finding(
      'error',
      'legacy-pkcs12',
      `${settings.pkcs12} uses legacy PKCS#12 encryption (RC2) that OpenSSL 3 no longer reads; re-export it once with: ${legacyReexportCommand(settings.pkcs12)}`,
    ),
  ];
}

async function checkClientCertificate(
  settings: ClientTlsSettings,
  now: Date,
): Promise<DoctorFinding[]> {
  if (!settings.pkcs12 && !settings.certificate && !settings.key)
    return [
      finding(
        'warning',
        'no-client-certificate',
        'No client certificate is configured; the Kanta test environments require one.',
      ),
    ];
  const findings = await legacyFinding(settings);
  const loaded = await loadClientMaterial(settings);
  if (loaded.kind === 'problem' && !(loaded.reason === 'legacy-pkcs12' && findings.length > 0))
    findings.push(finding('error', loaded.reason, loaded.message));
  const facts =
    loaded.kind === 'loaded' ? loaded.material.certificate : await pemFacts(settings.certificate);
  if (facts) findings.push(checkDates(facts, now), ...checkUsage(facts));
  return findings;
}

function requestOnce(url: URL, clientTls: ClientTls, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      {
        method: 'GET',
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
        ...tlsRequestOptions(clientTls),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/**
 * The server answered, so the handshake succeeded. An error status (the base address often has
 * no page: 404) reads like a failure, so the sentence says what was asked and why any answer
 * still proves the certificate was accepted: a server refuses a certificate before answering.
 */
function acceptedMessage(
  url: URL,
  status: number,
  pinned: boolean,
  usedClientCertificate: boolean,
) {
  const trust = pinned ? 'the pinned CA' : "one of Node's root certificates";
  const accepted = usedClientCertificate ? ' and accepted our client certificate' : '';
  const asked = `GET ${url.pathname}${url.search}`;
  const said = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  if (status < 400)
    return `${url.host} proved its identity with ${trust}${accepted} (${asked}: ${said}).`;
  const proof = usedClientCertificate
    ? 'any HTTP answer proves the certificate was accepted, because a server that refuses one ends the connection before answering'
    : 'any HTTP answer proves the secure connection works';
  return `${url.host} proved its identity with ${trust}${accepted}. The check asked ${asked} and got ${said}, which is about that address, not the certificate: ${proof}.`;
}

async function checkServer(
  settings: ClientTlsSettings,
  serverUrl: string,
  timeoutMs: number,
): Promise<DoctorFinding> {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return finding('error', 'server-address-invalid', `${serverUrl} is not a web address.`);
  }
  if (url.protocol !== 'https:')
    return finding(
      'warning',
      'server-not-tls',
      `${url.host} is not an https:// address, so no certificate is used with it.`,
    );
  const clientTls = await loadClientTls(settings);
  if (!clientTls.ok)
    return finding(
      'warning',
      'server-not-checked',
      `${url.host} was not contacted: the certificate settings cannot be used yet (see above).`,
    );
  try {
    const status = await requestOnce(url, clientTls.value, timeoutMs);
    return finding(
      'ok',
      'server-accepted',
      acceptedMessage(
        url,
        status,
        Boolean(clientTls.value.ca),
        clientTls.value.usesClientCertificate,
      ),
    );
  } catch (error) {
    const failure = classifyTlsFailure(error, {
      host: url.host,
      usedClientCertificate: clientTls.value.usesClientCertificate,
      ...(clientTls.value.clientCertificate
        ? { clientCertificate: clientTls.value.clientCertificate }
        : {}),
    });
    return finding('error', failure.reason, failure.error.message);
  }
}

/** Checks a profile's certificate settings and, with `serverUrl`, one real request. */
export async function diagnoseCertificates(
  settings: ClientTlsSettings,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const now = options.now ?? new Date();
  const findings = [
    ...(await checkCaFile(settings.caFile, now)),
    ...(await checkClientCertificate(settings, now)),
  ];
  if (options.serverUrl)
    findings.push(await checkServer(settings, options.serverUrl, options.timeoutMs ?? 10_000));
  return { findings, isUsable: findings.every((item) => item.severity !== 'error') };
}
