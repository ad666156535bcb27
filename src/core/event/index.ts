export * from './event-types.js';
export { parseSignedEvent, parseUnsignedEvent, isLogOrigin } from './event-schema.js';
export {
  signEvent, decodeEvent, decodeEventOfLog, verifyEvent, eventHashHex, signatureOf, signatureRefusal, signedMessageLength, writeSignedMessage, type DecodedEvent,
} from './event-codec.js';
export { EventLineFields, eventLineContext, scanEventLine, type EventLineContext } from './event-line-scan.js';
export { LogChain, type ChainLink } from './log-chain.js';
