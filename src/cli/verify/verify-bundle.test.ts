import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MemoryMerkleLog, cosignNote, decodeEvent, formatCheckpoint, signEvent, signNote, splitNote, toHex, type SignedEvent,
} from '../../core/index.js';
import { nodeCrypto } from '../../node/index.js';
import { benchSides, generateBundle } from '../bench/generate-bundle.js';
import { verifyBundle } from './verify-bundle.js';

const crypto = nodeCrypto;
const sides = benchSides(crypto);
let pristine: string;

beforeAll(async () => {
  pristine = mkdtempSync(join(tmpdir(), 'parley-verify-'));
  await generateBundle(pristine, 120, crypto, 10);
});

/** A fresh copy of the generated bundle, to tamper with. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-tamper-'));
  cpSync(pristine, dir, { recursive: true });
  return dir;
}
const eventsPath = (dir: string, i: number): string => join(dir, 'logs', `${i}.events`);
const lines = (dir: string, i: number): string[] => readFileSync(eventsPath(dir, i), 'utf8').split('\n').filter(Boolean);
const writeLines = (dir: string, i: number, ls: string[]): void => writeFileSync(eventsPath(dir, i), ls.map((l) => l + '\n').join(''));
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const setSize = (dir: string, i: number, size: number): void => {
  const m = manifestOf(dir);
  m.logs[i].size = size;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
};

/** Signs and cosigns a checkpoint for log i as its real keys would: what a misbehaving node can do. */
function writeCheckpoint(dir: string, i: number, size: number, rootHash: Uint8Array): void {
  const side = sides[i]!;
  const peer = sides[1 - i]!;
  const signed = signNote(crypto, formatCheckpoint({ origin: side.origin, size, rootHash }), [{ name: side.origin, signer: side.log }]);
  writeFileSync(join(dir, 'logs', `${i}.checkpoint`), cosignNote(crypto, signed, { name: peer.witnessName, signer: peer.witness }, 1735689600));
}
function rootOf(ls: string[]): Uint8Array {
  const tree = new MemoryMerkleLog(crypto);
  for (const l of ls) tree.append(new TextEncoder().encode(l));
  return tree.root();
}
/** Appends an event signed by log i's real key: a node that lies in its own log. */
function appendSigned(dir: string, i: number, change: (e: Omit<SignedEvent, 'sig'>) => Omit<SignedEvent, 'sig'>): void {
  const ls = lines(dir, i);
  const last = decodeEvent(crypto, ls[ls.length - 1]!);
  const { sig: _sig, ...unsigned } = last.event;
  const next = signEvent(crypto, sides[i]!.log, change({ ...unsigned, seq: unsigned.seq + 1, prev: toHex(last.hash), ts: '2030-01-01T00:00:00.000Z' }) as SignedEvent);
  ls.push(next.text);
  writeLines(dir, i, ls);
  setSize(dir, i, ls.length);
  writeCheckpoint(dir, i, ls.length, rootOf(ls));
}

const lastPeerRef = (dir: string, i: number) => ({ log: sides[i]!.origin, seq: lines(dir, i).length - 1 });

async function failure(dir: string, options = {}) {
  const report = await verifyBundle(dir, { threads: 0, ...options });
  expect(report.valid).toBe(false);
  return report.failure!;
}

describe('parley verify (in process)', () => {
  it('accepts an untouched bundle and reports both logs', async () => {
    const report = await verifyBundle(pristine, { threads: 0 });
    expect(report.failure).toBeNull();
    expect(report.events).toBe(120);
    expect(report.logs.map((l) => l.origin)).toEqual([sides[0].origin, sides[1].origin]);
  });

  it('accepts it with pinned keys, and refuses a bundle signed by keys not pinned', async () => {
    const m = manifestOf(pristine);
    const keys = m.logs.flatMap((l: { log_key: string; witness_key: string }) => [l.log_key, l.witness_key]);
    expect((await verifyBundle(pristine, { threads: 0, pinnedKeys: keys })).valid).toBe(true);
    expect((await failure(pristine, { pinnedKeys: keys.slice(1) })).code).toBe('E_BUNDLE_KEY_NOT_PINNED');
  });

  it('a flipped byte in an event body: E_EVENT_SIGNATURE_INVALID at that event', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    ls[7] = ls[7]!.replace('"text":"', '"text":"X');
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', log: sides[0].origin, seq: 7, line: 8 });
  });

  it('a flipped byte in the JSON structure: E_EVENT_MALFORMED, naming the line', async () => {
    const dir = copy();
    const ls = lines(dir, 1);
    ls[3] = ls[3]!.replace('{"actor"', '["actor"');
    writeLines(dir, 1, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_MALFORMED', log: sides[1].origin, line: 4 });
  });

  // With worker threads (which run only from the build), see the command's tests: their bundle spans several ranges.
  it('names the same line and event when the files are read in many small ranges', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    ls[41] = ls[41]!.replace('"text":"', '"text":"X');
    writeLines(dir, 0, ls);
    for (const rangeBytes of [1, 997, 4096]) {
      expect((await verifyBundle(pristine, { threads: 0, rangeBytes })).failure, `ranges of ${rangeBytes} bytes`).toBeNull();
      expect(await failure(dir, { rangeBytes })).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', log: sides[0].origin, seq: 41, line: 42 });
    }
  });

  it('a line longer than any event: E_EVENT_MALFORMED at that line, without reading it whole', async () => {
    const dir = copy();
    const ls = lines(dir, 1);
    ls[30] = 'y'.repeat(5 * 1024 * 1024);
    writeLines(dir, 1, ls);
    expect(await failure(dir, { rangeBytes: 4096 })).toMatchObject({ code: 'E_EVENT_MALFORMED', log: sides[1].origin, line: 31 });
  });

  it('a flipped bit anywhere in an events file is always caught', async () => {
    const original = readFileSync(eventsPath(pristine, 0));
    for (const at of [0, 1, 100, 777, 5000, original.length - 2, Math.floor(original.length / 2), Math.floor(original.length / 3)]) {
      const dir = copy();
      const bytes = Buffer.from(original);
      bytes[at]! ^= 0x02;
      writeFileSync(eventsPath(dir, 0), bytes);
      expect((await verifyBundle(dir, { threads: 0 })).valid, `byte ${at}`).toBe(false);
    }
  });

  it('a deleted event: E_EVENT_SEQ_GAP', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    ls.splice(10, 1);
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_SEQ_GAP', seq: 11, line: 11 });
  });

  it('events deleted from the end: E_LOG_TRUNCATED', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    writeLines(dir, 0, ls.slice(0, -2));
    setSize(dir, 0, ls.length - 2);
    expect(await failure(dir)).toMatchObject({ code: 'E_LOG_TRUNCATED', log: sides[0].origin });
  });

  it('two events swapped: E_EVENT_OUT_OF_ORDER', async () => {
    const dir = copy();
    const ls = lines(dir, 1);
    [ls[20], ls[21]] = [ls[21]!, ls[20]!];
    writeLines(dir, 1, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_OUT_OF_ORDER', seq: 21, line: 21 });
  });

  it('a duplicated event: E_EVENT_DUPLICATE', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    ls.splice(5, 0, ls[5]!);
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_DUPLICATE', seq: 5, line: 7 });
  });

  it('an inserted event signed by another key: E_EVENT_SIGNATURE_INVALID', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    const before = decodeEvent(crypto, ls[4]!);
    const { sig: _s, ...unsigned } = decodeEvent(crypto, ls[5]!).event;
    const forged = signEvent(crypto, crypto.ed25519Signer(new Uint8Array(32).fill(9)), { ...unsigned, prev: toHex(before.hash), body: { text: 'we never asked' } });
    ls.splice(5, 0, forged.text);
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', seq: 5, line: 6 });
  });

  it('an inserted event signed by the log itself under a used seq: E_EVENT_SEQ_REUSED', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    const { sig: _s, ...unsigned } = decodeEvent(crypto, ls[5]!).event;
    const second = signEvent(crypto, sides[0].log, { ...unsigned, body: { text: 'a different version' } });
    ls.splice(5, 0, second.text);
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_SEQ_REUSED', seq: 5, line: 7 });
  });

  it('an event rewritten and re-signed by the log itself: E_EVENT_PREV_MISMATCH at the event after it', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    const { sig: _s, ...unsigned } = decodeEvent(crypto, ls[5]!).event;
    ls[5] = signEvent(crypto, sides[0].log, { ...unsigned, body: { text: 'a rewritten version' } }).text;
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_PREV_MISMATCH', seq: 6, line: 7 });
  });

  it('an event whose prev names an older event: E_EVENT_PREV_MISMATCH', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    const { sig: _s, ...unsigned } = decodeEvent(crypto, ls[7]!).event;
    ls[7] = signEvent(crypto, sides[0].log, { ...unsigned, prev: toHex(decodeEvent(crypto, ls[5]!).hash) }).text;
    writeLines(dir, 0, ls);
    expect(await failure(dir)).toMatchObject({ code: 'E_EVENT_PREV_MISMATCH', seq: 7, line: 8 });
  });

  it('checkpoints swapped between the logs: E_CHECKPOINT_ORIGIN_MISMATCH', async () => {
    const dir = copy();
    const a = readFileSync(join(dir, 'logs/0.checkpoint'));
    writeFileSync(join(dir, 'logs/0.checkpoint'), readFileSync(join(dir, 'logs/1.checkpoint')));
    writeFileSync(join(dir, 'logs/1.checkpoint'), a);
    expect((await failure(dir)).code).toBe('E_CHECKPOINT_ORIGIN_MISMATCH');
  });

  it('a checkpoint re-signed by another key: E_NOTE_UNTRUSTED', async () => {
    const dir = copy();
    const { text } = splitNote(readFileSync(join(dir, 'logs/0.checkpoint'), 'utf8'));
    writeFileSync(join(dir, 'logs/0.checkpoint'), signNote(crypto, text, [{ name: sides[0].origin, signer: crypto.ed25519Signer(new Uint8Array(32).fill(5)) }]));
    expect(await failure(dir)).toMatchObject({ code: 'E_NOTE_UNTRUSTED', log: sides[0].origin });
  });

  it('a forged cosignature: E_COSIGNATURE_INVALID; none at all: E_COSIGNATURE_MISSING', async () => {
    const dir = copy();
    const note = readFileSync(join(dir, 'logs/1.checkpoint'), 'utf8').split('\n');
    const cosig = note[note.length - 2]!;
    note[note.length - 2] = cosig.slice(0, -6) + (cosig.at(-6) === 'A' ? 'B' : 'A') + cosig.slice(-5);
    writeFileSync(join(dir, 'logs/1.checkpoint'), note.join('\n'));
    expect(await failure(dir)).toMatchObject({ code: 'E_COSIGNATURE_INVALID', log: sides[1].origin });
    note.splice(note.length - 2, 1);
    writeFileSync(join(dir, 'logs/1.checkpoint'), note.join('\n'));
    expect(await failure(dir)).toMatchObject({ code: 'E_COSIGNATURE_MISSING', log: sides[1].origin });
  });

  it('a checkpoint from a fork (same size, other root, validly signed and cosigned): E_CHECKPOINT_ROOT_MISMATCH', async () => {
    const dir = copy();
    const ls = lines(dir, 0);
    writeCheckpoint(dir, 0, ls.length, rootOf([...ls.slice(0, -1), ls[0]!]));
    expect(await failure(dir)).toMatchObject({ code: 'E_CHECKPOINT_ROOT_MISMATCH', log: sides[0].origin });
  });

  it('a peer reference to an event that does not exist: E_PEER_REF_UNKNOWN', async () => {
    const dir = copy();
    appendSigned(dir, 0, (e) => ({ ...e, peer: { log: sides[1].origin, seq: 100_000, hash: 'ab'.repeat(32) } }));
    expect(await failure(dir)).toMatchObject({ code: 'E_PEER_REF_UNKNOWN', log: sides[0].origin });
  });

  it('a peer reference with the wrong hash: E_PEER_REF_MISMATCH; to another log: E_PEER_REF_WRONG_LOG', async () => {
    const dir = copy();
    const peerLast = lines(dir, 1).length - 1;
    appendSigned(dir, 0, (e) => ({ ...e, peer: { log: sides[1].origin, seq: peerLast, hash: 'ab'.repeat(32) } }));
    expect(await failure(dir)).toMatchObject({ code: 'E_PEER_REF_MISMATCH', log: sides[0].origin });
    const back = copy();
    appendSigned(back, 0, (e) => ({ ...e, peer: { ...lastPeerRef(back, 1), seq: 0, hash: toHex(decodeEvent(crypto, lines(back, 1)[0]!).hash) } }));
    expect(await failure(back)).toMatchObject({ code: 'E_PEER_REF_REGRESSED', log: sides[0].origin });
    const other = copy();
    appendSigned(other, 1, (e) => ({ ...e, peer: { log: 'moscow.parley.example/washington', seq: 0, hash: 'ab'.repeat(32) } }));
    expect((await failure(other)).code).toBe('E_PEER_REF_WRONG_LOG');
  });

  it('a manifest that misstates a size: E_BUNDLE_SIZE_MISMATCH; a broken manifest: E_BUNDLE_MANIFEST_INVALID', async () => {
    const dir = copy();
    appendSigned(dir, 1, (e) => e);
    setSize(dir, 1, lines(dir, 1).length + 1);
    expect((await failure(dir)).code).toBe('E_BUNDLE_SIZE_MISMATCH');
    writeFileSync(join(dir, 'manifest.json'), '{"format":"parley-bundle/v1"}');
    expect((await failure(dir)).code).toBe('E_BUNDLE_MANIFEST_INVALID');
  });
});
