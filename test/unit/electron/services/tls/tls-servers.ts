/**
 * Real servers for the mTLS matrix: a Node HTTPS server that requires client certificates
 * (Node checks them after the handshake and just closes the connection, as the sandbox does)
 * and `openssl s_server`, which refuses during the handshake with a TLS alert, as web servers
 * in front of real environments do. Plus one request made exactly as the environment client
 * makes it: our agent, and failures through the classifier.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { err, ok, type Result } from '../../../../../shared/result';
import type { CertificateFiles } from '../../../../../electron/services/tls/certificate-factory';
import { classifyConnectionError } from '../../../../../electron/services/tls/classify-tls-error';
import { createTlsAgent, type ClientTls } from '../../../../../electron/services/tls/client-tls';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A Node HTTPS server with `requestCert: true, rejectUnauthorized: true`, trusting `ca`. */
export async function startNodeServer(
  identity: CertificateFiles,
  caCertificate: string,
): Promise<RunningServer> {
  const [cert, key, ca] = await Promise.all([
    readFile(identity.certificate),
    readFile(identity.key),
    readFile(caCertificate),
  ]);
  const server = https.createServer(
    { cert, key, ca, requestCert: true, rejectUnauthorized: true },
    // /no-page is missing, as an environment's base address often is (the Check's 404).
    (request, response) => {
      if (request.url === '/no-page') response.statusCode = 404;
      response.end('{"resourceType":"CapabilityStatement"}');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/metadata`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `openssl s_server -Verify 1 -verify_return_error -www`: refuses bad client certificates with an alert. */
export async function startOpensslServer(
  identity: CertificateFiles,
  caCertificate: string,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    'openssl',
    [
      ...[
        's_server',
        '-accept',
        '127.0.0.1:0',
        '-cert',
        identity.certificate,
        '-key',
        identity.key,
      ],
      ...['-CAfile', caCertificate, '-Verify', '1', '-verify_return_error', '-www'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ACCEPT .*:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`openssl s_server ended: ${output}`)));
    setTimeout(() => {
      child.kill();
      reject(new Error(`openssl s_server did not say where it listens: ${output}`));
    }, 10_000).unref();
  });
  return {
    url: `https://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** One GET with the client's agent; a failure comes back classified. */
export function getWith(clientTls: ClientTls, url: string): Promise<Result<number>> {
  const agent = createTlsAgent(clientTls);
  return new Promise((resolve) => {
    const request = https.get(url, { agent, signal: AbortSignal.timeout(10_000) }, (response) => {
      response.resume();
      response.on('end', () => {
        agent.destroy();
        resolve(ok(response.statusCode ?? 0));
      });
    });
    request.on('error', (error) => {
      agent.destroy();
      const { code, message } = classifyConnectionError(error, {
        host: new URL(url).host,
        usedClientCertificate: clientTls.usesClientCertificate,
        ...(clientTls.clientCertificate ? { clientCertificate: clientTls.clientCertificate } : {}),
      });
      resolve(err(code, message));
    });
  });
}
