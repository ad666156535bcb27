import { ERROR_CODES, ParleyError, type ErrorCode } from '../../core/index.js';

/** What GET /v1/links answers for one link (src/node/server/link-status.ts), as far as the demo reads it. */
export interface LinkState {
  readonly peer: string;
  readonly url: string;
  readonly trust: string;
  readonly trustReason: string | null;
  readonly state: string;
  readonly since: string;
  readonly lastContact: string | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly own: { readonly origin: string; readonly size: number; readonly delivered: number; readonly backlog: number; readonly cosigned: number | null };
  readonly peerLog: { readonly origin: string; readonly size: number; readonly cosigned: number | null };
  readonly lastReceipt: { readonly seq: number; readonly upTo: number | null; readonly ts: string } | null;
}

export interface RecordedEvent {
  readonly log: string;
  readonly seq: number;
  readonly ts: string;
  readonly hash: string;
}

/** What the node answers for a step it recorded (docs/api.md, "How a step is taken"). */
export interface MechanismStep {
  readonly kind: string;
  readonly scope: 'shared' | 'internal';
  readonly log: string;
  readonly seq: number;
  readonly hash: string;
  readonly ts: { readonly utc: string };
}

/**
 * The demo talks to each node the way a side's own tools do: over its HTTP API with the
 * node's operator token, so what it shows is what a newcomer's `curl` will see.
 */
export class OperatorApi {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  links(): Promise<LinkState[]> {
    return this.call<LinkState[]>('GET', '/v1/links');
  }

  incidents(open = true): Promise<{ id: number; kind: string; subject: string }[]> {
    return this.call('GET', `/v1/incidents?open=${open}`);
  }

  async link(peer: string): Promise<LinkState> {
    return this.call<LinkState>('GET', `/v1/links/${encodeURIComponent(peer)}`);
  }

  record(peer: string, entry: { kind: string; actor: string; body: object }): Promise<RecordedEvent> {
    return this.call<RecordedEvent>('POST', `/v1/links/${encodeURIComponent(peer)}/events`, entry);
  }

  /** A step of the mechanism on the link (POST /v1/links/PEER/…, docs/api.md), as a user of this side takes it. */
  async act(peer: string, path: string, body: object): Promise<MechanismStep> {
    return (await this.call<{ recorded: MechanismStep }>('POST', `/v1/links/${encodeURIComponent(peer)}${path}`, body)).recorded;
  }

  /** A read of the mechanism on the link (GET /v1/links/PEER/…). */
  read<T>(peer: string, path: string): Promise<T> {
    return this.call<T>('GET', `/v1/links/${encodeURIComponent(peer)}${path}`);
  }

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(this.url + path, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const answer = (await response.json()) as T & { code?: string; message?: string };
    if (!response.ok) {
      // The node's refusal, with its own code (E_INTERNAL if the reply is not one of Parley's).
      const code = typeof answer.code === 'string' && Object.hasOwn(ERROR_CODES, answer.code) ? (answer.code as ErrorCode) : 'E_INTERNAL';
      throw new ParleyError(code, `${method} ${this.url}${path} was refused: ${answer.message ?? response.statusText}`);
    }
    return answer;
  }
}

/** Polls until `check` holds or `ms` pass (or `signal` aborts: the demo is stopping); returns whether it held. */
export async function waitFor(check: () => Promise<boolean>, ms: number, options: { everyMs?: number; signal?: AbortSignal } = {}): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (options.signal?.aborted) return false;
    if (await check().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}
