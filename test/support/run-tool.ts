import { spawn } from 'node:child_process';
import { expect } from '@jest/globals';
import { PROJECT_ROOT } from '../../src/config/project-root.js';

/** What a command-line tool did: its exit code and everything it wrote. */
export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command args` from the project root as a person at the terminal would (stdin closed at
 * once), and collects its output. `node` runs this Node, so `node --import tsx src/x.ts` is the tool.
 */
export function runTool(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

/** A TypeScript tool under src/, run with tsx as `npm run` runs it. */
export const runTsTool = (file: string, args: readonly string[], env?: Record<string, string>) =>
  runTool('node', ['--import', 'tsx', file, ...args], env);

/**
 * A wrong command line: exit 2, nothing on stdout, on stderr what was wrong and the usage line
 * (Indonesian first), and no stack trace.
 */
export function expectUsageError(run: ToolRun, usage: RegExp, problem?: RegExp): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
  expect(run.stderr).toMatch(/^Pemakaian \/ usage: /m);
  expect(run.stderr).toMatch(usage);
  if (problem) expect(run.stderr).toMatch(problem);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/Error:/);
}
