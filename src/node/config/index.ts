export { loadNodeConfig, saveNodeConfig, nodeConfigSchema, type NodeConfig, type PinnedPeerConfig } from './node-config.js';
export { createKeyFile, loadKeyFile, publicKeysOf, type NodeKeys } from './node-keys.js';
