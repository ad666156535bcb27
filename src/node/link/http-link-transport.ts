import { ERROR_CODES, ParleyError, type CryptoSuite, type ErrorCode, type Signer } from '../../core/index.js';
import type { Clock } from '../server/clock.js';
import { signLinkRequest } from './link-auth.js';
import { decodeExchange, encodeExchange, EXCHANGE_MEDIA_TYPE, syncResponseHeaderSchema, type SyncRequest, type SyncResponse } from './link-protocol.js';
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
    const body = encodeExchange(request);
    const headers = signLinkRequest(this.crypto, this.signer, { method: 'POST', path: SYNC_PATH, from: this.route.from, to: this.route.to, body, now: this.clock.now() });
    let response: Response;
    try {
      response = await fetch(new URL(SYNC_PATH, this.route.url), {
        method: 'POST',
        headers: { ...headers, 'content-type': EXCHANGE_MEDIA_TYPE, accept: EXCHANGE_MEDIA_TYPE },
        // The very bytes the signature covers.
        body: body as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ParleyError('E_PEER_UNREACHABLE', `${this.route.to} at ${this.route.url} cannot be reached: ${(error as Error).cause ?? (error as Error).message}.`);
    }
    let answer: Uint8Array;
    try {
      answer = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new ParleyError('E_PEER_UNREACHABLE', `${this.route.to} broke off its answer (HTTP ${response.status}): ${(error as Error).message}.`);
    }
    if (!response.ok) throw refusalOf(this.route.to, response.status, answer);
    const { header, events } = decodeExchange(answer, syncResponseHeaderSchema, `answer of ${this.route.to}`);
    return { ...header, events };
  }
}

/** The peer's refusal (a JSON error body) as a ParleyError with the peer's code, so callers branch on it as on their own. */
function refusalOf(peer: string, status: number, answer: Uint8Array): ParleyError {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(answer));
  } catch {
    json = { message: `an answer that is not JSON` };
  }
  const body = (json ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  const code: ErrorCode = body.code && body.code in ERROR_CODES ? (body.code as ErrorCode) : 'E_PEER_UNREACHABLE';
  return new ParleyError(code, `${peer} refused the exchange (HTTP ${status}): ${body.message ?? 'no reason given'}`, { ...(body.details ?? {}), status });
}
