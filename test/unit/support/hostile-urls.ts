/**
 * URLs an attacker (or a malformed document) might put in front of navigation or openExternal
 * checks. Each must be refused by both `checkExternalUrl` and `isAppUrl`.
 */
export const hostileUrls: readonly string[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'vbscript:msgbox(1)',
  'http://www.kanta.fi/',
  'ftp://www.kanta.fi/',
  'ws://www.kanta.fi/',
  'https://www.kanta.fi.evil.example/',
  'https://evil.example/www.kanta.fi',
  'https://www.kanta.fi@evil.example/',
  'https://user:pass@www.kanta.fi/',
  'https://user@www.kanta.fi/',
  'https://www.kanta.fi:8443/',
  'https://wwwkanta.fi/',
  'https://kanta.fi.evil.example/',
  'https://xn--kant-ioa.fi/',
  'https://kantà.fi/',
  'https://www.kаnta.fi/',
  'https://evil.example\\@www.kanta.fi/',
  'https://www.kanta.fi%2eevil.example/',
  'https://127.0.0.1/',
  'https://[::1]/',
  'https://localhost/',
  'https://2130706433/',
  'smb://server/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=calc',
  'app://archivist/../../etc/passwd',
  'app://evil/index.html',
  'app://archivist@evil/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '//www.kanta.fi/',
  '',
  'not a url',
];

/** Links that must open after confirmation. */
export const allowedExternalUrls: readonly string[] = [
  'https://www.kanta.fi/en/system-developers',
  'https://kanta.fi/',
  'https://hl7.org/fhir/R4/documentreference.html',
  'https://WWW.KANTA.FI/path?x=1#y',
];
