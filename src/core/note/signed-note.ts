import { concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from '../bytes.js';
import type { CryptoSuite, Signer } from '../crypto/index.js';
import { ParleyError } from '../errors/index.js';
import { noteKeyId, type NoteVerifierKey } from './note-keys.js';

/** A key that signs notes with type 0x01 (Ed25519 over the note text). */
export interface NoteSigner {
  readonly name: string;
  readonly signer: Signer;
}

export interface VerifiedSignature {
  readonly key: NoteVerifierKey;
  /** For cosignature/v1: the cosigner's timestamp (seconds since the epoch). */
  readonly timestamp?: number;
}

export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly VerifiedSignature[];
  /** Signature lines from keys not trusted here; ignored, as signed-note requires. */
  readonly ignored: number;
}

const EM_DASH = '\u2014';
const MAX_SIGNATURES = 100; // signed-note: accept at least 16; bound the work a hostile note can cause
const malformed = (why: string): ParleyError => new ParleyError('E_NOTE_MALFORMED', `Malformed signed note: ${why}.`);

/** signed-note §Format: the text must be non-empty UTF-8 without control characters other than newline, ending in newline. */
export function checkNoteText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n')) throw malformed('the text must end with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw malformed('control characters other than newline are not allowed');
}

/** C2SP tlog-cosignature: the message a cosigner signs, "cosignature/v1\ntime T\n" then the checkpoint text. */
export const cosignatureMessage = (text: string, timestamp: number): Uint8Array => utf8(`cosignature/v1\ntime ${timestamp}\n${text}`);

export function signatureLine(name: string, keyId: number, signature: Uint8Array): string {
  const id = Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255);
  return `${EM_DASH} ${name} ${toBase64(concatBytes(id, signature))}\n`;
}

export function signNote(crypto: CryptoSuite, text: string, signers: readonly NoteSigner[]): string {
  checkNoteText(text);
  const lines = signers.map(({ name, signer }) =>
    signatureLine(name, noteKeyId(crypto, name, 'ed25519', signer.publicKey), signer.sign(utf8(text))),
  );
  return `${text}\n${lines.join('')}`;
}

/** Splits a note into its text and signature lines: the text ends at the last blank line. */
export function splitNote(note: string): { text: string; signatures: { name: string; keyId: number; bytes: Uint8Array }[] } {
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) throw malformed('no blank line separates the text from the signatures');
  const text = note.slice(0, blank + 1);
  checkNoteText(text);
  const block = note.slice(blank + 2);
  if (!block.endsWith('\n')) throw malformed('the last signature line must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    const match = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
    if (!match) throw malformed(`"${line.slice(0, 40)}" is not a signature line`);
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(match[2]!);
    } catch {
      throw malformed(`the signature of ${match[1]} is not base64`);
    }
    if (bytes.length < 5) throw malformed(`the signature of ${match[1]} is too short`);
    const keyId = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    return { name: match[1]!, keyId, bytes: bytes.subarray(4) };
  });
  return { text, signatures };
}

function verifyOne(crypto: CryptoSuite, key: NoteVerifierKey, text: string, sig: Uint8Array): VerifiedSignature | null {
  if (key.type === 'ed25519') return crypto.ed25519.verify(key.publicKey, utf8(text), sig) ? { key } : null;
  // cosignature/v1: 8-byte big-endian timestamp, then the Ed25519 signature (tlog-cosignature §Format).
  if (sig.length !== 72) return null;
  const view = new DataView(sig.buffer, sig.byteOffset, 8);
  const timestamp = view.getBigUint64(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const ok = crypto.ed25519.verify(key.publicKey, cosignatureMessage(text, Number(timestamp)), sig.subarray(8));
  return ok ? { key, timestamp: Number(timestamp) } : null;
}

/**
 * Opens a note (signed-note §Signatures): lines from unknown keys are ignored; a line whose name
 * and key ID match a trusted key must verify, else the whole note is refused; at least one
 * trusted signature must verify.
 */
export function openNote(crypto: CryptoSuite, note: Uint8Array | string, trusted: readonly NoteVerifierKey[]): OpenedNote {
  let textForm: string;
  try {
    textForm = typeof note === 'string' ? note : fromUtf8(note);
  } catch {
    throw malformed('it is not valid UTF-8');
  }
  const { text, signatures } = splitNote(textForm);
  const verified: VerifiedSignature[] = [];
  let ignored = 0;
  for (const sig of signatures) {
    const key = trusted.find((k) => k.name === sig.name && k.keyId === sig.keyId);
    if (!key) {
      ignored++;
      continue;
    }
    const result = verifyOne(crypto, key, text, sig.bytes);
    if (!result) throw new ParleyError('E_NOTE_SIGNATURE_INVALID', `The signature by ${key.name} on this note does not verify.`, { key: key.text });
    verified.push(result);
  }
  if (verified.length === 0) {
    throw new ParleyError('E_NOTE_UNTRUSTED', `None of the ${signatures.length} signatures on this note is from a trusted key (${trusted.map((k) => k.name).join(', ') || 'none given'}).`);
  }
  return { text, verified, ignored };
}

/** Appends a witness cosignature (type 0x04) to a signed checkpoint note. */
export function cosignNote(crypto: CryptoSuite, signedNote: string, witness: NoteSigner, timestamp: number): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('A cosignature timestamp is a whole number of seconds.');
  const { text } = splitNote(signedNote);
  const stamp = new Uint8Array(8);
  new DataView(stamp.buffer).setBigUint64(0, BigInt(timestamp));
  const signature = concatBytes(stamp, witness.signer.sign(cosignatureMessage(text, timestamp)));
  return signedNote + signatureLine(witness.name, noteKeyId(crypto, witness.name, 'cosignature/v1', witness.signer.publicKey), signature);
}
