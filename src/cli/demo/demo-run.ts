import { ParleyError } from '../../core/index.js';
import { openNode, systemClock, type Clock, type NodeOptions, type ParleyNode } from '../../node/index.js';
import { prepareDemoFolders, type DemoNodeFolder, type PrepareOptions } from './demo-folders.js';
import { t } from '../i18n.js';
import { placeName } from './demo-sides.js';
import { formatOpening, formatSetup, type RunningSide } from './demo-summary.js';
import { formatHistory, historyState, type HistoryState } from './history-summary.js';
import { HistoryWriter, type HistorySide } from './history-writer.js';
import { openingExchange, type OpeningMessage, type OpeningSide } from './opening-exchange.js';
import { OperatorApi, waitFor, type LinkState } from './operator-api.js';
import { isAddressInUse, portInUse } from './ports.js';
import { RECORD_START } from './record-directory.js';
import { writePublicRecord } from './record-history.js';
import { ScenarioClock } from './scenario-clock.js';

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

  /**
   * Sets up (or finds) both nodes, starts them, waits for the link, and records the opening
   * exchange once. A new setup first writes the 2020-2024 public record on the scenario clock
   * (see openNodes), then reopens both nodes on the system clock for normal operation.
   */
  async start(): Promise<OpeningMessage[]> {
    const { say } = this.options;
    say(t('demo.intro') + '\n');
    this.found = await prepareDemoFolders(this.options.data, this.options);
    say(formatSetup(this.folders));
    if (this.folders.every((f) => f.created)) await this.writeHistory();
    await this.openNodes(systemClock);
    say(t('demo.listening', { nodes: this.folders.map((f, i) => `${placeName(f.side)} ${this.nodes[i]!.url}`).join(t('demo.listSeparator')) }) + '\n');
    await this.linkUp();
    const [us, cn] = this.sides();
    const opening = await openingExchange(us!, cn!, this.abort.signal);
    say(formatOpening(opening));
    const state = await historyState(us!.api, cn!.side.name);
    if (state === 'complete') say('\n' + (await formatHistory(us!.api, us!.side, cn!.side)));
    else say('\n' + t(`demo.history.${state satisfies Exclude<HistoryState, 'complete'>}`) + '\n');
    return opening;
  }

  /**
   * The public record of 2020-2024, written through both nodes' APIs on a new setup. The nodes
   * are opened on the scenario clock before their logs exist, so even each link's first event
   * carries a historical time, and without the hourly link test (a clock that jumps months would
   * record tests for hours it only passed through, and missed tests for those it jumped over).
   * The nodes' own scheduler runs as always: it records each request's expiry as the clock
   * passes the deadline. Then both nodes stop, to be opened again on the system clock.
   */
  private async writeHistory(): Promise<void> {
    const { say } = this.options;
    const clock = new ScenarioClock(new Date(Date.parse(RECORD_START) - 3_600_000).toISOString());
    await this.openNodes(clock, { linkTests: false });
    await this.linkUp();
    say(t('demo.writingHistory', { from: RECORD_START.slice(0, 10) }) + '\n');
    const writer = new HistoryWriter(clock, this.sides() as [HistorySide, HistorySide], this.abort.signal);
    await writePublicRecord(writer);
    if (!(await waitFor(() => writer.quiet(), SETTLE_WAIT_MS, { signal: this.abort.signal }))) {
      throw new ParleyError('E_PEER_UNREACHABLE', 'After writing the historical record, the two nodes did not come to hold each other\'s whole log.');
    }
    // The 2022-2023 expiries opened incidents as they would have then; they are history, not
    // today's watch, so the reconstruction closes them (the expiries stay on the record).
    for (const node of this.nodes) {
      for (const incident of await node.store.listIncidents({ open: true })) await node.store.closeIncident(incident.id, clock.now());
    }
    await Promise.all(this.nodes.splice(0).map((node) => node.stop()));
    say(t('demo.historyWritten') + '\n');
  }

  private async openNodes(clock: Clock, options: NodeOptions = {}): Promise<void> {
    for (const folder of this.folders) {
      const node = await openNode(folder.configPath, { ...options, clock, logLevel: this.options.logLevel ?? process.env.PARLEY_LOG_LEVEL ?? 'silent' });
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
  }

  /** Waits until both links are up and each node knows the other's side (its first event has arrived). */
  private async linkUp(): Promise<void> {
    const up = async () => (await this.linkStates()).every((l) => l.state === 'up' && l.peerLog.size > 0);
    if (!(await waitFor(up, LINK_UP_WAIT_MS, { signal: this.abort.signal }))) {
      if (this.stopping) throw new ParleyError('E_USAGE', 'The demo was stopped while starting.');
      const states = await this.linkStates();
      const why = states.map((l, i) => `${this.folders[i]!.side.label}: ${l.state}${l.lastError ? ` (${l.lastError.code}: ${l.lastError.message})` : ''}`).join('; ');
      throw new ParleyError('E_PEER_UNREACHABLE', `The two nodes did not link within ${LINK_UP_WAIT_MS / 1000} s. ${why}.`);
    }
  }

  private sides(): OpeningSide[] {
    return this.folders.map((folder, i) => ({ side: folder.side, node: this.nodes[i]!, api: this.apis[i]! }));
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
