export { canonicalJson, canonicalBytes, isCanonicalText, parseCanonical, type JsonValue, type JsonObject } from './canonical-json.js';
export { NOT_CANONICAL, UNDECIDED, isCanonicalJsonBytes, scanCanonicalString, scanCanonicalValue } from './canonical-scan.js';
