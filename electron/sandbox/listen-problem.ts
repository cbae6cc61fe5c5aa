/**
 * Why the sandbox could not listen, in one sentence: the address, the cause in words instead of
 * an errno code (EACCES, EADDRNOTAVAIL, …) and what to do (issue 8: "one clear line"). The app
 * starts its sandbox on a free port (0), so advice about --port only reaches `archivist sandbox`.
 */
import { systemErrorDescription } from '../services/files/file-problem';

/**
 * Ports below this one need administrator rights: Linux's default
 * net.ipv4.ip_unprivileged_port_start, and the BSDs' reserved ports.
 */
const firstUnprivilegedPort = 1024;

/** The cause and, in brackets, what to do. */
function causeAndRemedy(error: unknown, host: string, port: number): string {
  const failure = error as Partial<NodeJS.ErrnoException> | undefined;
  const otherPort = port === 0 ? '' : 'choose another --port, or ';
  switch (failure?.code) {
    case 'EADDRINUSE':
      return port === 0
        ? 'no free port is left (close some programs and try again)'
        : 'the port is in use (choose another --port, or leave it out for a free one)';
    case 'EACCES':
    case 'EPERM':
      return port > 0 && port < firstUnprivilegedPort
        ? `permission denied: ports below ${firstUnprivilegedPort} are reserved for the administrator (choose a --port of ${firstUnprivilegedPort} or above, or leave it out for a free one)`
        : `permission denied by this machine's security settings (${otherPort}ask its administrator)`;
    case 'EADDRNOTAVAIL':
      return `address not available: ${host} is not an address of this machine (check its network settings)`;
    case 'ENOTFOUND':
      return `the host name ${host} is not known (check its spelling)`;
    default: {
      const words = systemErrorDescription(failure) ?? failure?.message ?? 'unknown error';
      return `${words} (${otherPort}try again)`;
    }
  }
}

/** e.g. `Cannot listen on 127.0.0.1:80: permission denied: ports below 1024 are … (…).` */
export function listenProblem(error: unknown, host: string, port: number): string {
  const where = port === 0 ? `a free port of ${host}` : `${host}:${port}`;
  return `Cannot listen on ${where}: ${causeAndRemedy(error, host, port)}.`;
}
