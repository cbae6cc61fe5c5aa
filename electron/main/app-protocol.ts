/**
 * Serves the built renderer from app://archivist/ instead of file:// (Electron security
 * checklist item 18): a fixed origin for the CSP and sender checks, and no access to the rest of
 * the disk. Every response carries the security headers.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { securityHeaders } from '../services/content-security-policy';
import { contentTypeFor, resolveStaticPath } from '../services/static-files';
import { appHost, appScheme } from './navigation';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers one app:// request from `rendererRoot`. Exported for tests. */
export async function serveAppRequest(rendererRoot: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === appHost ? resolveStaticPath(rendererRoot, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) },
    });
  } catch {
    return new Response('Not found', { status: 404, headers: securityHeaders });
  }
}

/** Must run after the app is ready. */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rendererRoot, request.url));
}
