import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../test-support/vectors.js';
import type { NodeSetup } from './node-pair.js';

const PARLEY_BIN = join(repoRoot, 'bin/parley.js');

/**
 * `parley node --config FILE` as a real child process, as an operator runs it (from the build in
 * dist/, which `npm test` makes first), so a test can kill it with SIGKILL by its PID.
 */
export class NodeProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly setup: NodeSetup,
    readonly url: string,
    readonly operatorToken: string,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  /** Every child started and not yet known to have exited, for cleanup after a failed test. */
  private static readonly alive = new Set<NodeProcess>();

  static async start(setup: NodeSetup, startMs = 30_000): Promise<NodeProcess> {
    const child = spawn(process.execPath, [PARLEY_BIN, 'node', '--config', setup.configPath], {
      env: { ...process.env, PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`parley node ${setup.name} ${why}:\n${output}`));
      };
      const timer = setTimeout(() => fail(`did not start within ${startMs} ms`), startMs);
      child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before listening`));
      const onData = (): void => {
        const match = /listening on (\S+)/.exec(output);
        if (!match) return;
        // Once only: removing the exit listeners again on a later chunk would take away the
        // one that resolves `exited`.
        child.stdout!.off('data', onData);
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
    });
    const token = (await readFile(join(setup.dir, 'operator.token'), 'utf8')).trim();
    const node = new NodeProcess(child, setup, url, token);
    node.output = output;
    child.stdout!.on('data', (d: Buffer) => (node.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (node.output += d.toString()));
    NodeProcess.alive.add(node);
    void node.exited.then(() => NodeProcess.alive.delete(node));
    return node;
  }

  /** SIGKILLs every child still running; for afterEach, so a failing test leaves no process behind. */
  static async killAll(): Promise<void> {
    await Promise.all([...NodeProcess.alive].map((node) => node.kill()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the process wrote to stdout and stderr, for failure messages. */
  get log(): string {
    return this.output;
  }

  /** kill -9: no shutdown of any kind, as on a power cut of this process. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.pid, 'SIGKILL');
    // The kernel ends a SIGKILLed process at once; never let cleanup wait on it for ever.
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  /** SIGTERM, the graceful stop; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) process.kill(this.pid, 'SIGTERM');
    return this.exited;
  }

  /** A call on the node's operator API; throws only if the node cannot be reached. */
  async api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(new URL(path, this.url), {
      method,
      headers: { authorization: `Bearer ${this.operatorToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, json: await response.json() };
  }
}

/** Runs another `parley` command (export, verify) to its end. */
export function runParley(args: readonly string[], timeoutMs = 60_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PARLEY_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`parley ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
