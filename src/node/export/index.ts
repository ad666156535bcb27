// Transcript bundles of the node's links (docs/bundle.md, "Exporting a node's record").
export { exportLinks, exportNodeRecord, type ExportOptions, type ExportSource, type ExportedLink } from './export-bundle.js';
export { chooseCheckpoints, type ChosenCheckpoint, type ChosenPair, type ExportReader } from './choose-checkpoints.js';
export { describeLink, type LinkLog, type NodeLink } from './node-link.js';
export type { ExportedLog } from './write-bundle.js';
