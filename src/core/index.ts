// The public surface of src/core: pure TypeScript, no Node or browser APIs, no I/O.
export * from './errors/index.js';
export * from './bytes.js';
export * from './crypto/index.js';
export * from './json/index.js';
export * from './event/index.js';
export * from './merkle/index.js';
export * from './note/index.js';
export * from './bundle/index.js';
export * from './mechanism/index.js';
