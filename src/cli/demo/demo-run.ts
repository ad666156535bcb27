import { ParleyError } from '../../core/index.js';
import { openNode, type ParleyNode } from '../../node/index.js';
import { prepareDemoFolders, type DemoNodeFolder, type PrepareOptions } from './demo-folders.js';
import { formatOpening, formatSetup, type RunningSide } from './demo-summary.js';
import { openingExchange, type OpeningMessage } from './opening-exchange.js';
import { OperatorApi, waitFor, type LinkState } from './operator-api.js';
import { isAddressInUse, portInUse } from './ports.js';

const LINK_UP_WAIT_MS = 20_000;
const SETTLE_WAIT_MS = 30_000;

export interface DemoRunOptions extends PrepareOptions {
  readonly data: string;
  /** The nodes' own pino level; 'silent' unless asked, so the demo's lines stay readable. */
  readonly logLevel?: string;
  readonly say: (text: string) => void;
}

/**
 * Both nodes of the demo, in this one process. Why not two `parley node` child processes: the
 * demo must know when both listen and are linked, and must stop them in order on Ctrl-C; in one
 * process that is two awaits, with no PIDs to track or orphans to leave behind, and no build
 * step under test. Nothing is shared but the process: each node has its own folder, keys,
 * SQLite database, operator token and HTTP server, and they reach each other only through the
 * signed link over loopback, exactly as `parley node --config DIR/parley.json` runs them.
 */
export class DemoRun {
  private readonly nodes: ParleyNode[] = [];
  private readonly abort = new AbortController();
  private stopped: Promise<void> | null = null;
  private whenStopped!: () => void;
  private readonly stoppedPromise = new Promise<void>((resolve) => (this.whenStopped = resolve));
  private found: DemoNodeFolder[] = [];
  private apis: OperatorApi[] = [];

  constructor(private readonly options: DemoRunOptions) {}

  /** Both nodes' folders, Washington first, once start() has prepared them. */
  get folders(): readonly DemoNodeFolder[] {
    return this.found;
  }

  get stopping(): boolean {
    return this.stopped !== null;
  }

  /** Resolves once stop() has stopped both nodes. */
  untilStopped(): Promise<void> {
    return this.stoppedPromise;
  }

  /** Sets up (or finds) both nodes, starts them, waits for the link, and records the opening exchange once. */
  async start(): Promise<OpeningMessage[]> {
    const { say } = this.options;
    say('Parley demo: two nodes on this machine, Washington and Beijing, each with its own keys, database and log, linked over loopback.\n');
    this.found = await prepareDemoFolders(this.options.data, this.options);
    say(formatSetup(this.folders));
    for (const folder of this.folders) {
      const node = await openNode(folder.configPath, { logLevel: this.options.logLevel ?? process.env.PARLEY_LOG_LEVEL ?? 'silent' });
      if (this.stopping) {
        await node.stop();
        throw new ParleyError('E_USAGE', 'The demo was stopped while starting.');
      }
      this.nodes.push(node);
    }
    for (const [i, node] of [...this.nodes].entries()) {
      try {
        await node.start();
      } catch (error) {
        if (!isAddressInUse(error)) throw error;
        throw portInUse(this.folders[i]!.port, `${this.folders[i]!.side.label}'s node`);
      }
    }
    this.apis = this.nodes.map((node) => new OperatorApi(node.url, node.operatorToken));
    say(`Both nodes listen: ${this.folders.map((f, i) => `${f.side.label} ${this.nodes[i]!.url}`).join(', ')}. Waiting for the link …\n`);
    if (!(await waitFor(async () => (await this.linkStates()).every((l) => l.state === 'up'), LINK_UP_WAIT_MS, { signal: this.abort.signal }))) {
      const states = await this.linkStates();
      const why = states.map((l, i) => `${this.folders[i]!.side.label}: ${l.state}${l.lastError ? ` (${l.lastError.code}: ${l.lastError.message})` : ''}`).join('; ');
      throw new ParleyError('E_PEER_UNREACHABLE', `The two nodes did not link within ${LINK_UP_WAIT_MS / 1000} s. ${why}.`);
    }
    const [us, cn] = this.folders.map((folder, i) => ({ side: folder.side, node: this.nodes[i]!, api: this.apis[i]! }));
    const opening = await openingExchange(us!, cn!, this.abort.signal);
    say(formatOpening(opening));
    return opening;
  }

  /** Each node's state of its one link, from GET /v1/links. */
  async linkStates(): Promise<LinkState[]> {
    return Promise.all(this.apis.map(async (api) => (await api.links())[0]!));
  }

  async running(): Promise<RunningSide[]> {
    const links = await this.linkStates();
    return this.folders.map((folder, i) => ({ folder, url: this.nodes[i]!.url, link: links[i]! }));
  }

  /**
   * Waits until each side holds the other's whole log and each log's newest checkpoint, at its
   * end, is cosigned: then an export holds every event recorded so far. Returns whether that
   * happened in time.
   */
  settled(): Promise<boolean> {
    return waitFor(async () => {
      const [us, cn] = await this.linkStates();
      // Not `backlog === 0`: receipts are never receipted, so a log that ends in a receipt keeps a backlog of one.
      const done = (a: LinkState, b: LinkState) => a.own.cosigned === a.own.size && b.peerLog.size === a.own.size;
      return done(us!, cn!) && done(cn!, us!);
    }, SETTLE_WAIT_MS, { everyMs: 200, signal: this.abort.signal });
  }

  /** Stops both nodes gracefully (each finishes its exchange in flight, drains requests, closes storage). */
  stop(): Promise<void> {
    this.abort.abort();
    this.stopped ??= Promise.all(this.nodes.splice(0).map((node) => node.stop())).then(() => this.whenStopped());
    return this.stopped;
  }
}
