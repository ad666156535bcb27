export { nodeCrypto } from './node-suite.js';
