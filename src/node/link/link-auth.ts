import { randomBytes } from 'node:crypto';
import { fromBase64, ParleyError, toBase64, toHex, utf8, type CryptoSuite, type Signer } from '../../core/index.js';

/**
 * Authentication of requests between nodes. Every request carries the sender's host, a time, a
 * fresh nonce and an Ed25519 signature by the sender's pinned log key over all of them, the
 * method, the path, the receiver's host and the SHA-256 of the body. The domain prefix keeps
 * these signatures apart from event and note signatures made with the same key (DESIGN §3: every
 * signature has a domain prefix). Replay is refused by the nonce (remembered until the time
 * window has passed) and the time window bounds how long nonces must be kept.
 */
export const LINK_REQUEST_PREFIX = 'parley/link-request/v1\n';

/** How far a request's time may be from the receiver's clock. */
export const LINK_CLOCK_WINDOW_MS = 5 * 60_000;

export const LINK_HEADERS = {
  from: 'parley-from',
  to: 'parley-to',
  date: 'parley-date',
  nonce: 'parley-nonce',
  signature: 'parley-signature',
} as const;

export interface LinkRequestParts {
  readonly method: string;
  /** Path with query string, exactly as sent. */
  readonly path: string;
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly nonce: string;
  readonly body: Uint8Array;
}

export function linkSigningMessage(crypto: CryptoSuite, parts: LinkRequestParts): Uint8Array {
  const lines = [parts.method.toUpperCase(), parts.path, parts.from, parts.to, parts.date, parts.nonce, toHex(crypto.sha256(parts.body))];
  return utf8(LINK_REQUEST_PREFIX + lines.join('\n') + '\n');
}

/** The headers that authenticate one request from `from` to `to`. */
export function signLinkRequest(
  crypto: CryptoSuite,
  signer: Signer,
  request: { method: string; path: string; from: string; to: string; body: Uint8Array; now: Date },
): Record<string, string> {
  const date = request.now.toISOString();
  const nonce = randomBytes(18).toString('base64url');
  const signature = signer.sign(linkSigningMessage(crypto, { ...request, date, nonce }));
  return {
    [LINK_HEADERS.from]: request.from,
    [LINK_HEADERS.to]: request.to,
    [LINK_HEADERS.date]: date,
    [LINK_HEADERS.nonce]: nonce,
    [LINK_HEADERS.signature]: toBase64(signature),
  };
}

export interface LinkAuthContext {
  readonly crypto: CryptoSuite;
  /** This node's host: requests addressed to another host are refused. */
  readonly host: string;
  readonly now: Date;
  /** The pinned log public key of the peer with this host, or undefined if none is pinned. */
  peerKey(host: string): { readonly name: string; readonly publicKey: Uint8Array } | undefined;
  /** Records the nonce; false if it was seen before (a replay). */
  rememberNonce(peer: string, nonce: string, expiresAt: Date): Promise<boolean>;
}

const refuse = (code: 'E_LINK_UNAUTHENTICATED' | 'E_LINK_PEER_UNKNOWN' | 'E_LINK_SIGNATURE_INVALID' | 'E_LINK_REPLAYED' | 'E_LINK_CLOCK_SKEW', message: string): never => {
  throw new ParleyError(code, message);
};

/**
 * Checks a request's headers and body; returns the pinned peer's name. The signature is checked
 * before the nonce is stored, so forged requests cannot fill the nonce table.
 */
export async function verifyLinkRequest(
  context: LinkAuthContext,
  request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: Uint8Array },
): Promise<string> {
  const header = (name: string): string => {
    const value = request.headers[name];
    if (typeof value !== 'string' || value === '') return refuse('E_LINK_UNAUTHENTICATED', `The request has no ${name} header; requests between nodes must be signed.`);
    return value;
  };
  const from = header(LINK_HEADERS.from);
  const to = header(LINK_HEADERS.to);
  const date = header(LINK_HEADERS.date);
  const nonce = header(LINK_HEADERS.nonce);
  const signatureText = header(LINK_HEADERS.signature);
  const peer = context.peerKey(from);
  if (!peer) return refuse('E_LINK_PEER_UNKNOWN', `No peer with host ${from} is pinned on this node.`);
  if (to !== context.host) return refuse('E_LINK_SIGNATURE_INVALID', `The request is addressed to ${to}, not to this node (${context.host}).`);
  let signature: Uint8Array;
  try {
    signature = fromBase64(signatureText, 64);
  } catch {
    return refuse('E_LINK_SIGNATURE_INVALID', 'The request signature is not a base64 Ed25519 signature.');
  }
  const message = linkSigningMessage(context.crypto, { method: request.method, path: request.path, from, to, date, nonce, body: request.body });
  if (!context.crypto.ed25519.verify(peer.publicKey, message, signature)) {
    return refuse('E_LINK_SIGNATURE_INVALID', `The request does not carry a valid signature by the pinned key of ${from}.`);
  }
  const sentAt = Date.parse(date);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(date) || Math.abs(sentAt - context.now.getTime()) > LINK_CLOCK_WINDOW_MS) {
    return refuse('E_LINK_CLOCK_SKEW', `The request was signed at ${date}, more than ${LINK_CLOCK_WINDOW_MS / 60_000} minutes from this node's time ${context.now.toISOString()}.`);
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return refuse('E_LINK_UNAUTHENTICATED', 'The request nonce must be 16 to 64 base64url characters.');
  const fresh = await context.rememberNonce(peer.name, nonce, new Date(sentAt + 2 * LINK_CLOCK_WINDOW_MS));
  if (!fresh) return refuse('E_LINK_REPLAYED', `This request (nonce ${nonce}) was received before; a replayed request is never executed twice.`);
  return peer.name;
}
