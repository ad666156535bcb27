// The two-node demo of DESIGN §5, behind `parley demo` (src/cli/commands/demo-command.ts).
export { DemoRun, type DemoRunOptions } from './demo-run.js';
export { DEMO_MARKER, prepareDemoFolders, type DemoNodeFolder } from './demo-folders.js';
export { DEMO_SIDES, BEIJING, WASHINGTON, type DemoSide } from './demo-sides.js';
export { exportAndVerify, tamperAndVerify } from './bundle-check.js';
export { formatNextSteps, formatRunning, shown } from './demo-summary.js';
export { bothSidesTime } from './local-times.js';
