import type { CryptoSuite } from '../crypto/index.js';
import { ParleyError, isParleyError } from '../errors/index.js';
import { openNote, parseCheckpoint, parseVerifierKey, splitNote, type NoteVerifierKey } from '../note/index.js';
import type { BundleLog } from './manifest.js';

export interface OpenedCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  /** The log's Ed25519 key: it signs the checkpoint and every event of the log. */
  readonly publicKey: Uint8Array;
  readonly cosignedAt: number;
}

function keyOf(crypto: CryptoSuite, text: string, type: NoteVerifierKey['type'], role: string, origin: string): NoteVerifierKey {
  const key = parseVerifierKey(crypto, text);
  if (key.type !== type) {
    throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', `The ${role} of log ${origin} must be a ${type} key; it is a ${key.type} key.`, { log: origin });
  }
  return key;
}

/**
 * Checks one log's latest checkpoint in a bundle: for this log (not swapped from another), signed
 * by the log's key, and cosigned by its peer's witness key. Each way it can be wrong has its code.
 */
export function openBundleCheckpoint(crypto: CryptoSuite, note: string, log: BundleLog): OpenedCheckpoint {
  const at = { log: log.origin };
  try {
    const logKey = keyOf(crypto, log.log_key, 'ed25519', 'log key', log.origin);
    const witnessKey = keyOf(crypto, log.witness_key, 'cosignature/v1', 'witness key', log.origin);
    if (logKey.name !== log.origin) {
      throw new ParleyError('E_BUNDLE_MANIFEST_INVALID', `The log key is named ${logKey.name}, but the log's origin is ${log.origin}; they must be equal.`, at);
    }
    // Read the origin before checking signatures, so a checkpoint moved from another log is named as such.
    const checkpoint = parseCheckpoint(splitNote(note).text);
    if (checkpoint.origin !== log.origin) {
      throw new ParleyError('E_CHECKPOINT_ORIGIN_MISMATCH', `The checkpoint given for log ${log.origin} is for log ${checkpoint.origin}.`, at);
    }
    openNote(crypto, note, [logKey]);
    let cosignedAt: number;
    try {
      cosignedAt = openNote(crypto, note, [witnessKey]).verified[0]!.timestamp!;
    } catch (err) {
      if (isParleyError(err, 'E_NOTE_UNTRUSTED')) {
        throw new ParleyError('E_COSIGNATURE_MISSING', `The checkpoint of ${log.origin} has no cosignature by ${witnessKey.name}.`, at);
      }
      if (isParleyError(err, 'E_NOTE_SIGNATURE_INVALID')) {
        throw new ParleyError('E_COSIGNATURE_INVALID', `The cosignature by ${witnessKey.name} on the checkpoint of ${log.origin} does not verify.`, at);
      }
      throw err;
    }
    return { size: checkpoint.size, root: checkpoint.rootHash, publicKey: logKey.publicKey, cosignedAt };
  } catch (err) {
    if (isParleyError(err) && err.details.log === undefined) throw new ParleyError(err.code, `${err.message} (log ${log.origin})`, at);
    throw err;
  }
}
