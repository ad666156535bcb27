import { ERROR_CODES, ParleyError, utf8, type CryptoSuite, type ErrorCode, type Signer } from '../../core/index.js';
import type { Clock } from '../server/clock.js';
import { signLinkRequest } from './link-auth.js';
import { parseWith, syncResponseSchema, type SyncRequest, type SyncResponse } from './link-protocol.js';
import type { LinkTransport } from './peer-link.js';

export const SYNC_PATH = '/v1/link/sync';

/** The exchange over HTTP(S), every request signed with this node's log key. */
export class HttpLinkTransport implements LinkTransport {
  constructor(
    private readonly crypto: CryptoSuite,
    private readonly signer: Signer,
    private readonly clock: Clock,
    private readonly route: { readonly url: string; readonly from: string; readonly to: string },
    private readonly timeoutMs: number,
  ) {}

  async sync(request: SyncRequest): Promise<SyncResponse> {
    const json = JSON.stringify(request);
    const body = utf8(json);
    const headers = signLinkRequest(this.crypto, this.signer, { method: 'POST', path: SYNC_PATH, from: this.route.from, to: this.route.to, body, now: this.clock.now() });
    let response: Response;
    try {
      response = await fetch(new URL(SYNC_PATH, this.route.url), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        // The very bytes the signature covers.
        body: body as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ParleyError('E_PEER_UNREACHABLE', `${this.route.to} at ${this.route.url} cannot be reached: ${(error as Error).cause ?? (error as Error).message}.`);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new ParleyError('E_PEER_UNREACHABLE', `${this.route.to} answered HTTP ${response.status} without a JSON body.`);
    }
    if (!response.ok) throw refusalOf(this.route.to, response.status, answer);
    return parseWith(syncResponseSchema, answer, `answer of ${this.route.to}`);
  }
}

/** The peer's refusal as a ParleyError with the peer's code, so callers branch on it as on their own. */
function refusalOf(peer: string, status: number, json: unknown): ParleyError {
  const body = (json ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  const code: ErrorCode = body.code && body.code in ERROR_CODES ? (body.code as ErrorCode) : 'E_PEER_UNREACHABLE';
  return new ParleyError(code, `${peer} refused the exchange (HTTP ${status}): ${body.message ?? 'no reason given'}`, { ...(body.details ?? {}), status });
}
