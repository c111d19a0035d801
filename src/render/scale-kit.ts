/**
 * The scale kit: what the renderer uses for big graphs only, in a chunk of its own (the widget's
 * first chunk stays within its size budget, issue 5; the release graph never loads it). Sigma's
 * set-up in slices (sliced-setup.ts), hover and filter updates that touch only what changes
 * (incremental.ts), and layout ticks that move nodes without restyling them (positions.ts).
 * Loaded by renderer.ts (loadScaleKit) before a big graph's renderer is made.
 */
export { buildInSlices } from "./sliced-setup";
export { incrementalUpdates } from "./incremental";
export { positionUpdates } from "./positions";
