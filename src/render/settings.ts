/**
 * Renderer settings: one interface, its defaults, and a validator whose errors say which setting
 * is wrong, what it got and what it accepts.
 */
export interface RendererSettings {
  /** ForceAtlas2 iterations (synchronous, seeded: the same input gives the same picture). */
  layoutIterations: number;
  /** Noverlap passes run after ForceAtlas2 to pull overlapping nodes apart. */
  noverlapIterations: number;
  /** Node radius in pixels for the least and the most connected node (size grows with degree). */
  minNodeSize: number;
  maxNodeSize: number;
  /** Sigma's label density (labels per grid cell); lower shows fewer labels. */
  labelDensity: number;
  /** Label grid cell size in pixels: at most `labelDensity` labels per cell. */
  labelGridCellSize: number;
  /** Nodes drawn smaller than this (pixels) get no label unless focused. */
  labelRenderedSizeThreshold: number;
  /** Node labels longer than this (characters) are shortened on the canvas unless focused. */
  maxLabelLength: number;
  /** Font size of node labels, in pixels. */
  labelSize: number;
  /** Show edge (predicate) labels on the focused neighbourhood. */
  edgeLabels: boolean;
}

export const DEFAULT_RENDERER_SETTINGS: Readonly<RendererSettings> = Object.freeze({
  layoutIterations: 300,
  noverlapIterations: 600,
  minNodeSize: 4,
  maxNodeSize: 13,
  labelDensity: 0.5,
  labelGridCellSize: 150,
  labelRenderedSizeThreshold: 7,
  maxLabelLength: 30,
  labelSize: 12,
  edgeLabels: true,
});

export class RendererSettingsError extends Error {
  override name = "RendererSettingsError";
  constructor(
    message: string,
    readonly setting: string,
  ) {
    super(message);
  }
}

const NUMERIC: Record<
  Exclude<keyof RendererSettings, "edgeLabels">,
  { min: number; max: number; integer?: boolean }
> = {
  layoutIterations: { min: 0, max: 100_000, integer: true },
  noverlapIterations: { min: 0, max: 100_000, integer: true },
  minNodeSize: { min: 0.5, max: 200 },
  maxNodeSize: { min: 0.5, max: 200 },
  labelDensity: { min: 0, max: 100 },
  labelGridCellSize: { min: 1, max: 10_000 },
  labelRenderedSizeThreshold: { min: 0, max: 1_000 },
  maxLabelLength: { min: 4, max: 10_000, integer: true },
  labelSize: { min: 4, max: 96 },
};

/** Merges `partial` over the defaults and validates the result; throws RendererSettingsError. */
export function resolveRendererSettings(partial: Partial<RendererSettings> = {}): RendererSettings {
  const settings: RendererSettings = { ...DEFAULT_RENDERER_SETTINGS, ...partial };
  validateRendererSettings(settings);
  return settings;
}

export function validateRendererSettings(settings: RendererSettings): void {
  const known = new Set<string>([...Object.keys(NUMERIC), "edgeLabels"]);
  for (const key of Object.keys(settings)) {
    if (!known.has(key)) {
      throw new RendererSettingsError(
        `Unknown renderer setting "${key}". Known settings: ${[...known].join(", ")}.`,
        key,
      );
    }
  }
  for (const [key, rule] of Object.entries(NUMERIC)) {
    const value: unknown = settings[key as keyof RendererSettings];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RendererSettingsError(
        `Renderer setting "${key}" must be a finite number, got ${JSON.stringify(value)}.`,
        key,
      );
    }
    if (value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
      throw new RendererSettingsError(
        `Renderer setting "${key}" must be ${rule.integer ? "an integer" : "a number"} between ${rule.min} and ${rule.max}, got ${value}.`,
        key,
      );
    }
  }
  if (typeof settings.edgeLabels !== "boolean") {
    throw new RendererSettingsError(
      `Renderer setting "edgeLabels" must be true or false, got ${JSON.stringify(settings.edgeLabels)}.`,
      "edgeLabels",
    );
  }
  if (settings.minNodeSize > settings.maxNodeSize) {
    throw new RendererSettingsError(
      `Renderer setting "minNodeSize" (${settings.minNodeSize}) must not exceed "maxNodeSize" (${settings.maxNodeSize}).`,
      "minNodeSize",
    );
  }
}
