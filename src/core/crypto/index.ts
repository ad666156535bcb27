export type { CryptoSuite, Signer, SignatureVerifier, SignatureAlgorithm } from './signature.js';
export { pureCrypto } from './pure-suite.js';
