export { openNode, type ParleyNode, type NodeOptions } from './parley-node.js';
export { systemClock, type Clock } from './clock.js';
export { freePort } from './free-port.js';
