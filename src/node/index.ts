// The public surface of src/node.
export * from './crypto/index.js';
export * from './config/index.js';
export * from './server/index.js';
export * from './export/index.js';
export * from './link/index.js';
