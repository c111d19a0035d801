/**
 * A PNG of what sigma shows. @sigma/export-image 3.0.0 does not work with sigma 4 (it calls
 * `getCanvases()`, gone in sigma 4, and rebuilds a renderer from sigma 3 settings), so the
 * picture is composed here: sigma 4 draws nodes, edges and labels into its WebGL stage canvas
 * (plus any extra layer canvases), without preserveDrawingBuffer, so they are copied right after
 * a render, in sigma's own `afterRender`, while the frame is still in the drawing buffer.
 */
import type { OrgraphSigma } from "./renderer";

export interface SnapshotOptions {
  /** Fill behind the graph (sigma's stage background is CSS, not in the canvas). */
  background?: string;
  /** Give up after this many ms without a render. */
  timeoutMs?: number;
}

/** The canvases of sigma's container, in paint order, on one canvas of the stage's pixel size. */
function compose(sigma: OrgraphSigma, background: string): HTMLCanvasElement {
  const container = sigma.getContainer();
  const stage = sigma.getStageCanvas();
  const out = document.createElement("canvas");
  out.width = stage.width;
  out.height = stage.height;
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("Could not create a 2D canvas for the image.");
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  const box = container.getBoundingClientRect();
  const scale = stage.width / Math.max(1, stage.getBoundingClientRect().width || box.width);
  for (const canvas of container.querySelectorAll("canvas")) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const r = canvas.getBoundingClientRect();
    ctx.drawImage(
      canvas,
      (r.left - box.left) * scale,
      (r.top - box.top) * scale,
      r.width * scale,
      r.height * scale,
    );
  }
  return out;
}

/** Renders sigma once more and resolves with a PNG of the frame. */
export function snapshotPng(sigma: OrgraphSigma, options: SnapshotOptions = {}): Promise<Blob> {
  const background = options.background ?? "#ffffff";
  return new Promise<Blob>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      sigma.off("afterRender", onRender);
      reject(new Error("The graph did not render; no image was made."));
    }, options.timeoutMs ?? 5000);
    const onRender = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sigma.off("afterRender", onRender);
      let canvas: HTMLCanvasElement;
      try {
        canvas = compose(sigma, background);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error("The browser could not encode the image as PNG."));
      }, "image/png");
    };
    sigma.on("afterRender", onRender);
    sigma.scheduleRender();
  });
}
