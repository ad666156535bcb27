export { nodeCrypto } from './node-suite.js';
export { inlineSignatureChecks, SignatureWorker, OFFLOAD_FROM, type SignatureCheck, type SignatureChecks } from './signature-checks.js';
