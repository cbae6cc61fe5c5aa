/** Runs `archivist` in-process with captured output: what a user would see, without a subprocess. */
import { runCli } from '../../../electron/cli/run-cli';

export async function runArchivist(argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    cwd: process.cwd(),
    isStderrTty: false,
  });
  return { code, stdout, stderr };
}
