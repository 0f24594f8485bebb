import { spawn } from 'node:child_process';

export type ChildRun = {
  /** Every line the child printed to stdout. */
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
};

/** When to SIGKILL a child: `ms` after it started, or after its first line of output. */
export type Kill = { ms: number; from: 'start' | 'first line' };

/**
 * Runs `command` with `args` and resolves when it exits, with every line it printed; with
 * `kill`, SIGKILLs it then.
 */
export function runChild(command: string, args: readonly string[], kill?: Kill): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const killLater = () => setTimeout(() => child.kill('SIGKILL'), kill?.ms);
    if (kill?.from === 'start') killLater();
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        if (lines.length === 0 && kill?.from === 'first line') killLater();
        lines.push(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ lines, code, signal, stderr });
    });
  });
}

/**
 * Runs a bundled child script (see bundleChild in crash-harness.ts), SIGKILLs it `ms` after its
 * first line of output, and resolves with every line it printed.
 */
export async function runAndKill(file: string, args: string[], ms: number): Promise<string[]> {
  return killed(await runChild(process.execPath, [file, ...args], { ms, from: 'first line' }));
}

/** The lines of a run that ended in SIGKILL; an error for a run that ended any other way. */
export function killed(run: ChildRun): string[] {
  if (run.signal !== 'SIGKILL') throw new Error(`child exited ${String(run.code)}: ${run.stderr}`);
  return run.lines;
}
