/**
 * The signature algorithm sits behind this interface and is named in every key's encoding,
 * so a post-quantum scheme can follow Ed25519 without touching events, notes or the verifier
 * (C2SP tlog-cosignature already prefers ML-DSA-44 for new witnesses).
 */
export type SignatureAlgorithm = 'ed25519';

/** Holds a private key; the key itself never leaves it. */
export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export interface SignatureVerifier {
  readonly algorithm: SignatureAlgorithm;
  /** Strict RFC 8032 verification: never throws on bad input, answers false. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

/** A provider of the primitives the record needs; one pure implementation, and faster native ones. */
export interface CryptoSuite {
  readonly name: string;
  sha256(data: Uint8Array): Uint8Array;
  readonly ed25519: SignatureVerifier;
  /** An Ed25519 signer from a 32-byte RFC 8032 seed. */
  ed25519Signer(seed: Uint8Array): Signer;
}
