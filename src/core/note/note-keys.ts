import { concatBytes, fromBase64, toBase64, utf8 } from '../bytes.js';
import type { CryptoSuite } from '../crypto/index.js';
import { ParleyError } from '../errors/index.js';

/**
 * Signature types of C2SP signed-note (§"Signature types"): 0x01 is an Ed25519 note signature,
 * 0x04 an Ed25519 `cosignature/v1` (C2SP tlog-cosignature). The type is part of every key's
 * encoding and ID, so a future type (ML-DSA-44, 0x06) slots in beside them.
 */
export type NoteKeyType = 'ed25519' | 'cosignature/v1';
const TYPE_BYTE: Record<NoteKeyType, number> = { ed25519: 0x01, 'cosignature/v1': 0x04 };
const typeOfByte = (byte: number): NoteKeyType | undefined => (Object.keys(TYPE_BYTE) as NoteKeyType[]).find((t) => TYPE_BYTE[t] === byte);

export interface NoteVerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: NoteKeyType;
  readonly publicKey: Uint8Array;
  /** The key's text form, `name+hex8+base64(type‖key)`. */
  readonly text: string;
}

// signed-note: key names are non-empty with no Unicode spaces and no '+'.
const KEY_NAME = /^[^\s+\u2014]+$/u;
export const isValidKeyName = (name: string): boolean => KEY_NAME.test(name);

/** key ID = SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] as a big-endian uint32 (signed-note, tlog-cosignature). */
export function noteKeyId(crypto: CryptoSuite, name: string, type: NoteKeyType, publicKey: Uint8Array): number {
  const hash = crypto.sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, TYPE_BYTE[type]), publicKey));
  return ((hash[0]! << 24) | (hash[1]! << 16) | (hash[2]! << 8) | hash[3]!) >>> 0;
}

const hex8 = (id: number): string => id.toString(16).padStart(8, '0');

export function noteVerifierKey(crypto: CryptoSuite, name: string, type: NoteKeyType, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new ParleyError('E_KEY_INVALID', `"${name}" cannot be a key name: it must be non-empty, without spaces or "+".`);
  return `${name}+${hex8(noteKeyId(crypto, name, type, publicKey))}+${toBase64(concatBytes(Uint8Array.of(TYPE_BYTE[type]), publicKey))}`;
}

/** Split on the first two '+' only: the base64 part may itself contain '+'. */
function splitKey(text: string, parts: number): string[] | null {
  const out: string[] = [];
  let rest = text;
  for (let i = 0; i < parts - 1; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return null;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

export function parseVerifierKey(crypto: CryptoSuite, text: string): NoteVerifierKey {
  const parts = splitKey(text.trim(), 3);
  const bad = (why: string): ParleyError => new ParleyError('E_KEY_INVALID', `"${text.slice(0, 60)}" is not a verifier key: ${why}.`);
  if (!parts) throw bad('expected name+keyid+base64');
  const [name, idHex, b64] = parts as [string, string, string];
  if (!isValidKeyName(name)) throw bad('the name is empty or contains a space');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw bad('the key ID is not 8 lowercase hex digits');
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    throw bad('the key is not base64');
  }
  const type = typeOfByte(raw[0] ?? -1);
  if (!type) throw new ParleyError('E_SIGNATURE_ALGORITHM_UNSUPPORTED', `Key ${name} has signature type 0x${(raw[0] ?? 0).toString(16).padStart(2, '0')}; Parley knows 0x01 (Ed25519) and 0x04 (cosignature/v1).`);
  const publicKey = raw.subarray(1);
  if (publicKey.length !== 32) throw bad('an Ed25519 public key is 32 bytes');
  const keyId = noteKeyId(crypto, name, type, publicKey);
  if (keyId !== parseInt(idHex, 16)) {
    throw new ParleyError('E_KEY_ID_MISMATCH', `Key ${name} says its ID is ${idHex}, but its name and public key give ${hex8(keyId)}.`);
  }
  return { name, keyId, type, publicKey, text: text.trim() };
}

/** The signer-key text of Go's sumdb/note: `PRIVATE+KEY+name+hex8+base64(0x01‖seed)`. */
export function noteSignerKey(crypto: CryptoSuite, name: string, seed: Uint8Array): string {
  const publicKey = crypto.ed25519Signer(seed).publicKey;
  return `PRIVATE+KEY+${name}+${hex8(noteKeyId(crypto, name, 'ed25519', publicKey))}+${toBase64(concatBytes(Uint8Array.of(0x01), seed))}`;
}

export function parseSignerKey(crypto: CryptoSuite, text: string): { name: string; keyId: number; seed: Uint8Array } {
  const parts = splitKey(text.trim(), 5);
  const bad = (why: string): ParleyError => new ParleyError('E_KEY_INVALID', `Not a signer key: ${why}.`);
  if (!parts || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw bad('it must start with PRIVATE+KEY+');
  const [, , name, idHex, b64] = parts as [string, string, string, string, string];
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(idHex)) throw bad('the name or key ID is malformed');
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    throw bad('the key is not base64');
  }
  if (raw[0] !== 0x01 || raw.length !== 33) throw bad('expected type 0x01 and a 32-byte Ed25519 seed');
  const seed = raw.slice(1);
  const keyId = noteKeyId(crypto, name, 'ed25519', crypto.ed25519Signer(seed).publicKey);
  if (keyId !== parseInt(idHex, 16)) throw new ParleyError('E_KEY_ID_MISMATCH', `Signer key ${name} says its ID is ${idHex}, but its seed gives ${hex8(keyId)}.`);
  return { name, keyId, seed };
}
