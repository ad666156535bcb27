export { canonicalJson, canonicalBytes, isCanonicalText, parseCanonical, type JsonValue, type JsonObject } from './canonical-json.js';
