import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromHex, pureCrypto, toHex, type CryptoSuite } from '../index.js';
import { nodeCrypto } from '../../node/crypto/node-suite.js';
import {
  cosignNote, cosignatureMessage, formatCheckpoint, noteKeyId, noteSignerKey, noteVerifierKey, openNote, parseCheckpoint, parseSignerKey,
  parseVerifierKey, signNote,
} from './index.js';
import { vectorPath } from '../../test-support/vectors.js';

const read = (name: string): string => readFileSync(vectorPath('c2sp/examples', name), 'utf8');
const keys = JSON.parse(read('keys.json'));
const cosig = JSON.parse(read('cosignature.json'));
const proofs = JSON.parse(read('proofs.json'));
const negative = JSON.parse(read('negative.json')) as { cases: { id: string; file: string; check: string; trusted_vkeys: string[] | null; expect: 'accept' | 'reject' }[] };

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
};

for (const crypto of [pureCrypto, nodeCrypto] as CryptoSuite[]) {
  describe(`C2SP signed notes, checkpoints and cosignatures (${crypto.name})`, () => {
    const log = crypto.ed25519Signer(fromHex(keys.log.seed_hex));
    const witness = crypto.ed25519Signer(fromHex(keys.witness.seed_hex));

    it('derives the keys, both key-ID rules, the vkeys and the skey exactly', () => {
      expect(toHex(log.publicKey)).toBe(keys.log.public_key_hex);
      expect(toHex(witness.publicKey)).toBe(keys.witness.public_key_hex);
      expect(noteKeyId(crypto, keys.log.name, 'ed25519', log.publicKey)).toBe(keys.log.ed25519_note_key.key_id_uint32);
      expect(noteKeyId(crypto, keys.witness.name, 'ed25519', witness.publicKey)).toBe(keys.witness.ed25519_note_key.key_id_uint32);
      expect(noteKeyId(crypto, keys.witness.name, 'cosignature/v1', witness.publicKey)).toBe(keys.witness.cosignature_v1_key.key_id_uint32);
      expect(noteVerifierKey(crypto, keys.log.name, 'ed25519', log.publicKey)).toBe(keys.log.ed25519_note_key.vkey);
      expect(noteVerifierKey(crypto, keys.witness.name, 'cosignature/v1', witness.publicKey)).toBe(keys.witness.cosignature_v1_key.vkey);
      expect(noteSignerKey(crypto, keys.log.name, fromHex(keys.log.seed_hex))).toBe(keys.log.ed25519_note_key.skey);
      expect(toHex(parseSignerKey(crypto, keys.log.ed25519_note_key.skey).seed)).toBe(keys.log.seed_hex);
      const parsed = parseVerifierKey(crypto, keys.log.ed25519_note_key.vkey);
      expect([parsed.name, parsed.type, toHex(parsed.publicKey)]).toEqual([keys.log.name, 'ed25519', keys.log.public_key_hex]);
    });

    it('refuses a vkey whose ID does not match, and unknown signature types', () => {
      const vkey: string = keys.log.ed25519_note_key.vkey;
      expect(codeOf(() => parseVerifierKey(crypto, vkey.replace('+a27ef3a9+', '+a27ef3aa+')))).toBe('E_KEY_ID_MISMATCH');
      expect(codeOf(() => parseVerifierKey(crypto, vkey.replace('+AQ', '+Ag')))).toBe('E_SIGNATURE_ALGORITHM_UNSUPPORTED');
      expect(codeOf(() => parseVerifierKey(crypto, 'no-plus-signs'))).toBe('E_KEY_INVALID');
    });

    it('reproduces checkpoint-7 and checkpoint-8, signed and cosigned, byte for byte', () => {
      for (const size of [7, 8]) {
        const body = formatCheckpoint({ origin: keys.log.name, size, rootHash: fromHex(proofs[`root_${size}`].hex) });
        expect(body).toBe(read(`checkpoint-${size}.txt`));
        expect(parseCheckpoint(body)).toMatchObject({ origin: keys.log.name, size });
        expect(signNote(crypto, body, [{ name: keys.log.name, signer: log }])).toBe(read(`checkpoint-${size}.signed.txt`));
      }
      expect(toHex(cosignatureMessage(read('checkpoint-8.txt'), cosig.timestamp))).toBe(cosig.signed_message_hex);
      const cosigned = cosignNote(crypto, read('checkpoint-8.signed.txt'), { name: keys.witness.name, signer: witness }, cosig.timestamp);
      expect(cosigned).toBe(read('checkpoint-8.cosigned.txt'));
      const opened = openNote(crypto, cosigned, [parseVerifierKey(crypto, cosig.cosigner_vkey)]);
      expect(opened.verified[0]!.timestamp).toBe(1703116800);
      expect(opened.ignored).toBe(1);
    });

    for (const c of negative.cases) {
      it(`negative/${c.id}: ${c.expect}`, () => {
        const input = read(c.file);
        let code: string | null;
        if (c.check === 'checkpoint-body') {
          code = codeOf(() => parseCheckpoint(input)) ?? codeOf(() => signNote(crypto, input, [{ name: keys.log.name, signer: log }]));
          expect(codeOf(() => signNote(crypto, input, [{ name: keys.log.name, signer: log }]))).toBe('E_NOTE_MALFORMED');
        } else {
          const trusted = (c.trusted_vkeys ?? []).map((k) => parseVerifierKey(crypto, k));
          code = codeOf(() => {
            const opened = openNote(crypto, input, trusted);
            parseCheckpoint(opened.text);
          });
        }
        if (c.expect === 'accept') expect(code).toBeNull();
        else expect(code).toMatch(/^E_(NOTE|CHECKPOINT)_/);
      });
    }

    it('a flipped byte anywhere in the text of a signed note is refused', () => {
      const note = read('checkpoint-8.signed.txt');
      const trusted = [parseVerifierKey(crypto, keys.log.ed25519_note_key.vkey)];
      const textLength = read('checkpoint-8.txt').length;
      for (let i = 0; i < textLength - 1; i++) {
        const tampered = note.slice(0, i) + String.fromCharCode(note.charCodeAt(i) ^ 1) + note.slice(i + 1);
        expect(codeOf(() => parseCheckpoint(openNote(crypto, tampered, trusted).text)), `byte ${i}`).not.toBeNull();
      }
    });
  });
}
