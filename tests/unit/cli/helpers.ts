// Running the CLI in-process (main() with captured I/O) and as a real subprocess.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../../src/cli/main';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(ROOT, 'tests/unit/cli/fixtures');
export const fixture = (name: string) => path.join(FIXTURES, name);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** main() with in-memory I/O; files named in `inputs` are served from memory, others from disk. */
export function runCli(argv: string[], inputs: Record<string, string> = {}): Run {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = {};
  const io: CliIO = {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (p) => (p in inputs ? inputs[p] : readFileSync(p, 'utf8')),
    openWrite: (p) => {
      files[p] = '';
      return { write: (s) => (files[p] += s), close: () => {} };
    },
  };
  const code = main(argv, io);
  return { code, stdout, stderr, files };
}

/** `node bin/kubeplay.mjs ...` as a user runs it. */
export function spawnCli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/kubeplay.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
