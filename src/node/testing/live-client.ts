import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A WebSocket client for the node's live updates (RFC 6455), as small as a test needs: it opens
 * the connection and collects the server's text messages. Node 20 has no WebSocket client of its
 * own, and the server side's library ships no types; the client only reads unmasked server
 * frames (RFC 6455 §5.2) and never sends data frames.
 */
export class LiveClient {
  readonly messages: unknown[] = [];
  private buffer = Buffer.alloc(0);
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => (this.closed = true));
  }

  /** Connects to `url` (http://host:port/path?query) and resolves once the upgrade is done. */
  static connect(url: string, timeoutMs = 10_000): Promise<LiveClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, {
        headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64') },
        timeout: timeoutMs,
      });
      req.once('upgrade', (_response, socket, head) => {
        const client = new LiveClient(socket);
        if (head.length > 0) client.read(head);
        resolve(client);
      });
      req.once('response', (response) => reject(new Error(`No WebSocket upgrade: HTTP ${response.statusCode}`)));
      req.once('timeout', () => req.destroy(new Error(`No WebSocket upgrade within ${timeoutMs} ms`)));
      req.once('error', reject);
      req.end();
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      // Text frames only; the node sends each message in one frame. Close (8) ends the stream.
      if (opcode === 1) this.messages.push(JSON.parse(payload.toString('utf8')) as unknown);
      if (opcode === 8) this.socket.destroy();
    }
  }
}
