/**
 * A simulated citizen on the terminal channel: `npm run chat` (src/chat.ts) as a child process in
 * its interactive mode, answering on its stdin and reading the replies it prints before the
 * next prompt. Files are written to a directory and sent with `/file <path>`, as a person would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import type { Conversation } from './citizen.js';
import type { Input } from './script.js';

const PROMPT = 'Anda: ';

/** One `npm run chat` process for one citizen. */
export class TerminalConversation implements Conversation {
  private readonly child: ChildProcess;
  private buffer = '';
  private readonly replies: string[] = [];

  constructor(
    user: string,
    env: Record<string, string>,
    private readonly fileDir: string,
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/chat.ts', '--user', user], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.child.stdout?.on('data', (b: Buffer) => {
      this.buffer += b.toString('utf8');
    });
  }

  /** The bot's texts so far. */
  get texts(): string[] {
    return this.replies;
  }

  replyCount(): number {
    return this.replies.length;
  }

  /** Waits for the first prompt (the process greets with "halo" first): the greeting is not counted as a reply to the script. */
  async ready(timeoutMs: number): Promise<boolean> {
    return (await this.untilPrompt(timeoutMs)) !== undefined;
  }

  async send(input: Input, _expect: RegExp, timeoutMs: number): Promise<string[] | undefined> {
    let line: string;
    if (input.kind === 'text') line = input.text;
    else {
      const file = path.join(this.fileDir, `${this.replies.length}-${input.name}`);
      await writeFile(file, input.bytes);
      line = `/file ${file}`;
    }
    this.child.stdin?.write(`${line}\n`);
    const out = await this.untilPrompt(timeoutMs);
    if (out === undefined) return undefined;
    const got = out
      .split(/\n?Loket: /)
      .slice(1)
      .map((t) => t.trim())
      .filter(Boolean);
    this.replies.push(...got);
    return got;
  }

  /** Everything printed up to the next prompt, consumed; undefined when it does not come in time. */
  private async untilPrompt(timeoutMs: number): Promise<string | undefined> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && this.child.exitCode === null) {
      const at = this.buffer.indexOf(PROMPT);
      if (at >= 0) {
        const out = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + PROMPT.length);
        return out;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  }

  /** Types /keluar and waits for the process to end (SIGKILL after a few seconds). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin?.end('/keluar\n');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
