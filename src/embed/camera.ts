/** The camera as the view state keeps it. */
import type { Camera } from "../core/state/view-state";

export { roundCamera } from "../core/state/url";

/** How long the camera must rest before its place goes into the view state (ms). */
export const CAMERA_SETTLE_MS = 250;

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.ratio === b.ratio && a.angle === b.angle;
}
