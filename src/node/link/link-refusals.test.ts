import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafHash, signEvent, signNote, formatCheckpoint, toHex, utf8, type EncodedEvent, type UnsignedEvent } from '../../core/index.js';
import { loadKeyFile, type NodeKeys } from '../config/index.js';
import { nodeCrypto } from '../crypto/index.js';
import type { ParleyNode } from '../server/index.js';
import { freePort, startNode, writePair, type PairSetup } from '../testing/node-pair.js';
import { signLinkRequest } from './link-auth.js';
import { SYNC_PATH } from './http-link-transport.js';
import { decodeExchange, encodeExchange, EXCHANGE_MEDIA_TYPE, syncResponseHeaderSchema } from './link-protocol.js';

/*
 * Every way a peer (or someone pretending to be one) can send a bad exchange, each refused with
 * its own code, nothing stored but the evidence DESIGN asks for, and the node still up.
 * Washington runs; the test speaks as Beijing, with Beijing's real keys or a stranger's.
 */

const BEIJING = 'beijing.parley.example';
const WASHINGTON = 'washington.parley.example';
const CN_LOG = `${BEIJING}/washington`;

let setup: PairSetup;
let us: ParleyNode;
let cnKeys: NodeKeys;
let stranger: NodeKeys;

beforeAll(async () => {
  const dead = await freePort();
  setup = await writePair({ peerUrl: () => `http://127.0.0.1:${dead}` });
  us = await startNode(setup.us);
  cnKeys = await loadKeyFile(`${setup.cn.dir}/node.key`);
  const other = await writePair();
  stranger = await loadKeyFile(`${other.cn.dir}/node.key`);
});
afterAll(async () => {
  await us.stop();
});

function beijingEvents(count: number, keys: NodeKeys = cnKeys, from = 0, prev: string | null = null, variant = ''): EncodedEvent[] {
  const out: EncodedEvent[] = [];
  for (let seq = from; seq < from + count; seq++) {
    const unsigned: UnsignedEvent = { v: 1, log: CN_LOG, seq, prev, peer: null, ts: '2026-12-01T10:00:00.000Z', kind: 'message.sent', actor: 'cn/duty-officer', body: { n: seq, text: `报告 ${variant}` } };
    const encoded = signEvent(nodeCrypto, keys.log, unsigned);
    prev = toHex(encoded.hash);
    out.push(encoded);
  }
  return out;
}

interface Exchange {
  events?: string[];
  have?: number;
  checkpoint?: string | null;
}

function exchangeBody(exchange: Exchange): Uint8Array {
  return encodeExchange({ events: (exchange.events ?? []).map(utf8), have: exchange.have ?? 0, checkpoint: exchange.checkpoint ?? null, cosignature: null });
}

async function send(body: string | Uint8Array, options: { keys?: NodeKeys; from?: string; headers?: Record<string, string>; now?: Date } = {}) {
  const bytes = typeof body === 'string' ? utf8(body) : body;
  const headers = options.headers ?? signLinkRequest(nodeCrypto, (options.keys ?? cnKeys).log, { method: 'POST', path: SYNC_PATH, from: options.from ?? BEIJING, to: WASHINGTON, body: bytes, now: options.now ?? new Date() });
  const response = await fetch(`${us.url}${SYNC_PATH}`, { method: 'POST', headers: { ...headers, 'content-type': EXCHANGE_MEDIA_TYPE }, body: Buffer.from(bytes) });
  const answer = new Uint8Array(await response.arrayBuffer());
  // An exchange is answered as an exchange; a refusal in JSON.
  const reply: { code?: string; details?: Record<string, unknown>; size?: number } = response.ok
    ? decodeExchange(answer, syncResponseHeaderSchema, 'answer').header
    : (JSON.parse(new TextDecoder().decode(answer)) as { code?: string; details?: Record<string, unknown> });
  return { status: response.status, body: reply };
}

const copySize = () => us.store.logSize(CN_LOG);

describe('refusals on the link', () => {
  it('stores a good batch, so the refusals below are measured against a log that works', async () => {
    const reply = await send(exchangeBody({ events: beijingEvents(3).map((e) => e.text) }));
    expect(reply.status).toBe(200);
    expect(reply.body.size).toBe(3);
  });

  it('refuses each bad request with its code and changes nothing', async () => {
    const good = beijingEvents(5);
    const next = (texts: string[]) => exchangeBody({ events: texts });
    const tampered = good[3]!.text.replace('报告', '报吿');
    const cases: Array<[string, () => Promise<{ status: number; body: { code?: string } }>, number, string]> = [
      ['no signature headers', () => send(next([good[3]!.text]), { headers: {} }), 401, 'E_LINK_UNAUTHENTICATED'],
      ['a host nobody pinned', () => send(next([good[3]!.text]), { from: 'moscow.parley.example' }), 403, 'E_LINK_PEER_UNKNOWN'],
      ['signed by a wrong key', () => send(next([good[3]!.text]), { keys: stranger }), 401, 'E_LINK_SIGNATURE_INVALID'],
      ['signed an hour ago', () => send(next([good[3]!.text]), { now: new Date(Date.now() - 3_600_000) }), 401, 'E_LINK_CLOCK_SKEW'],
      ['a tampered event', () => send(next([tampered])), 400, 'E_EVENT_SIGNATURE_INVALID'],
      ['an event signed by another key', () => send(next([beijingEvents(4, stranger)[3]!.text])), 400, 'E_EVENT_SIGNATURE_INVALID'],
      ['a gap in seq', () => send(next([good[4]!.text])), 409, 'E_EVENT_SEQ_GAP'],
      ['a broken chain', () => send(next([beijingEvents(1, cnKeys, 3, 'ab'.repeat(32))[0]!.text])), 409, 'E_EVENT_PREV_MISMATCH'],
      ['no header line', () => send('{"events": ['), 400, 'E_REQUEST_MALFORMED'],
      ['malformed JSON', () => send('{"events": [\n'), 400, 'E_REQUEST_MALFORMED'],
      ['JSON of the wrong shape', () => send(`${JSON.stringify({ events: 'all of them' })}\n`), 400, 'E_REQUEST_MALFORMED'],
      ['fewer events than announced', () => send(`${JSON.stringify({ events: 2, have: 0, checkpoint: null, cosignature: null })}\n${good[3]!.text}\n`), 400, 'E_REQUEST_MALFORMED'],
      ['an event line cut short', () => send(`${JSON.stringify({ events: 1, have: 0, checkpoint: null, cosignature: null })}\n${good[3]!.text}`), 400, 'E_REQUEST_MALFORMED'],
      ['a line that is not an event', () => send(`${JSON.stringify({ events: 1, have: 0, checkpoint: null, cosignature: null })}\nnot an event\n`), 400, 'E_EVENT_MALFORMED'],
      ['a body of 50 MB', () => send(new Uint8Array(50 * 1024 * 1024).fill(0x20)), 413, 'E_BODY_TOO_LARGE'],
    ];
    for (const [what, attempt, status, code] of cases) {
      const reply = await attempt();
      expect({ what, status: reply.status, code: reply.body.code }).toEqual({ what, status, code });
      expect(await copySize(), what).toBe(3);
    }
    expect((await fetch(`${us.url}/healthz`)).status).toBe(200);
  });

  it('tells a sender that skipped ahead where to resume', async () => {
    const reply = await send(exchangeBody({ events: [beijingEvents(5)[4]!.text] }));
    expect(reply.body.details).toMatchObject({ size: 3 });
  });

  it('never executes a replayed request twice', async () => {
    const body = exchangeBody({ events: [beijingEvents(4)[3]!.text] });
    const headers = signLinkRequest(nodeCrypto, cnKeys.log, { method: 'POST', path: SYNC_PATH, from: BEIJING, to: WASHINGTON, body, now: new Date() });
    expect((await send(body, { headers })).status).toBe(200);
    const replay = await send(body, { headers });
    expect([replay.status, replay.body.code]).toEqual([401, 'E_LINK_REPLAYED']);
    expect(await copySize()).toBe(4);
  });

  it('keeps a forked checkpoint as evidence, refuses it, and stops trusting the link', async () => {
    const forkRoot = nodeCrypto.sha256(utf8('another history'));
    const note = signNote(nodeCrypto, formatCheckpoint({ origin: CN_LOG, size: 4, rootHash: forkRoot }), [{ name: CN_LOG, signer: cnKeys.log }]);
    const reply = await send(exchangeBody({ checkpoint: note, have: 0 }));
    expect([reply.status, reply.body.code]).toEqual([409, 'E_CHECKPOINT_ROOT_MISMATCH']);
    const evidence = await us.store.listEquivocations(CN_LOG);
    expect(evidence).toHaveLength(1);
    expect(new TextDecoder().decode(evidence[0]!.first)).toBe(note);
    expect((await us.store.getPeer('beijing'))?.trust).toBe('untrusted');
    expect((await us.store.listIncidents({ open: true })).map((i) => i.kind)).toContain('equivocation');
    // Until an administrator acts, even a good batch is refused.
    const later = await send(exchangeBody({ events: [beijingEvents(5)[4]!.text] }));
    expect([later.status, later.body.code]).toEqual([403, 'E_LINK_UNTRUSTED']);
    expect(await copySize()).toBe(4);
  });
});

describe('equivocation by events', () => {
  it('keeps two signed events at one seq as evidence and stops trusting the link', async () => {
    await us.store.setPeerTrust('beijing', 'trusted', 'test: evidence reviewed', new Date());
    const other = beijingEvents(4, cnKeys, 0, null, 'rewritten');
    const reply = await send(exchangeBody({ events: other.map((e) => e.text) }));
    expect([reply.status, reply.body.code]).toEqual([409, 'E_EVENT_SEQ_REUSED']);
    const evidence = (await us.store.listEquivocations(CN_LOG)).filter((e) => e.kind === 'event');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.position).toBe(0);
    expect(new TextDecoder().decode(evidence[0]!.second)).toBe(other[0]!.text);
    expect((await us.store.getPeer('beijing'))?.trust).toBe('untrusted');
    expect(await copySize()).toBe(4);
    expect(toHex((await us.store.readEvents(CN_LOG, 0, 1))[0]!.leafHash)).toBe(toHex(leafHash(nodeCrypto, beijingEvents(1)[0]!.bytes)));
  });
});
