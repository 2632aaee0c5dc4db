// Runs the real `kith` command in a child process, as an operator would.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface KithRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runKith(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 90_000): Promise<KithRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/kith.mjs'), ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, KITH_DEMO: 'false', LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
