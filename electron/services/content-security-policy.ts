/**
 * The one Content-Security-Policy of the UI: nothing remote, no inline script or style, no
 * frames, no plugins. `connect-src 'self'` lets the browser harness reach its own loopback
 * bridge; in Electron the renderer has no network at all (the origin is app://).
 * renderer/index.html carries the same policy as a meta tag (a test keeps them equal).
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Headers for every response that serves the UI. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
