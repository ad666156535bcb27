import type { Incident, LinkChannel, LinkStatus, LogSide, NodeInfo, RecordEvent } from './types.js';

/**
 * A refusal from the node, as the API states it (`{code, message, hint}`), or the app's own
 * E_NODE_UNREACHABLE when no answer came at all. The app shows the code and the message as
 * they are: they are what the node's documentation and logs name.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string | null,
    readonly status: number,
  ) {
    super(message);
  }
}

export const UNREACHABLE = 'E_NODE_UNREACHABLE';

async function call<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(UNREACHABLE, error instanceof Error ? error.message : String(error), null, 0);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: a proxy's page, say; reported below by status.
  }
  if (!response.ok) {
    const refusal = (json ?? {}) as { code?: unknown; message?: unknown; hint?: unknown };
    throw new ApiError(
      typeof refusal.code === 'string' ? refusal.code : `E_HTTP_${response.status}`,
      typeof refusal.message === 'string' ? refusal.message : response.statusText,
      typeof refusal.hint === 'string' ? refusal.hint : null,
      response.status,
    );
  }
  return json as T;
}

/** This node's API, with the operator token. The app talks to no other address. */
export class NodeApi {
  constructor(readonly token: string) {}

  node(): Promise<NodeInfo> {
    return call(this.token, 'GET', '/v1/node');
  }

  links(): Promise<LinkStatus[]> {
    return call(this.token, 'GET', '/v1/links');
  }

  openIncidents(): Promise<Incident[]> {
    return call(this.token, 'GET', '/v1/incidents?open=true');
  }

  async events(peer: string, log: LogSide, from: number, limit: number): Promise<RecordEvent[]> {
    const query = new URLSearchParams({ log, from: String(from), limit: String(limit) });
    const page = await call<{ events: RecordEvent[] }>(this.token, 'GET', `/v1/links/${encodeURIComponent(peer)}/events?${query}`);
    return page.events;
  }

  channels(peer: string): Promise<LinkChannel[]> {
    return call(this.token, 'GET', `/v1/links/${encodeURIComponent(peer)}/channels`);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return call(this.token, 'POST', path, body);
  }

  /** The live channel's address: browsers cannot set headers on a WebSocket, so the token rides in the query. */
  liveUrl(): string {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}/v1/live?token=${encodeURIComponent(this.token)}`;
  }
}
