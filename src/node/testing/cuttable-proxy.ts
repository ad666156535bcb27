import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on a loopback port for fault tests: it forwards every connection to the first of
 * its targets that accepts one (several targets stand for several node processes behind one
 * address), and can be cut — every open connection reset, every new one reset on arrival, as
 * when a line goes dead — and restored.
 */
export class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private isCut = false;
  private cuts = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private targets: readonly number[],
  ) {}

  /** Listens on a free loopback port; `targets` are loopback ports, tried in order. */
  static async start(targets: readonly number[] = []): Promise<CuttableProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const proxy = new CuttableProxy(server, (server.address() as { port: number }).port, targets);
    server.on('connection', (socket) => proxy.accept(socket));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get cut(): boolean {
    return this.isCut;
  }

  /** How many times the proxy was cut. */
  get cutCount(): number {
    return this.cuts;
  }

  retarget(targets: readonly number[]): void {
    this.targets = targets;
  }

  /** Resets every connection through the proxy and every one that arrives until restore(). */
  sever(): void {
    this.isCut = true;
    this.cuts++;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    this.track(client);
    client.pause();
    this.forward(client, [...this.targets]);
  }

  private forward(client: Socket, remaining: number[]): void {
    const port = remaining.shift();
    if (port === undefined || client.destroyed || this.isCut) {
      client.resetAndDestroy();
      return;
    }
    let connected = false;
    const upstream = connect(port, '127.0.0.1');
    upstream.on('error', () => {
      // Not accepting (a stopped process): the next target, as a load balancer would.
      if (!connected) return this.forward(client, remaining);
      client.resetAndDestroy();
    });
    upstream.once('connect', () => {
      connected = true;
      if (this.isCut || client.destroyed) {
        upstream.resetAndDestroy();
        return;
      }
      this.track(upstream);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  private track(socket: Socket): void {
    // A reset is what this proxy is for: errors end the connection, never the test process.
    socket.on('error', () => socket.destroy());
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
