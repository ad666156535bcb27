// The node side of the mechanism (issue #7): per-link projection, commands, the deadline watch and this side's API.
export { registerMechanism, MECHANISM_COMMANDS, type NodeMechanism, type MechanismContext } from './register-mechanism.js';
export type { LinkMechanism } from './link-mechanism.js';
export type { Conflict, ProjectionView } from './link-projection.js';
export { presentTime, type TimeView } from './present-time.js';
