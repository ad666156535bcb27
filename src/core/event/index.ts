export * from './event-types.js';
export { parseSignedEvent, parseUnsignedEvent } from './event-schema.js';
export { signEvent, decodeEvent, verifyEvent, signingMessage, eventHashHex, type DecodedEvent } from './event-codec.js';
export { LogChain, type ChainLink } from './log-chain.js';
