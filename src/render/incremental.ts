/**
 * Sigma updates that touch only what changed (issue 6: hover and filter at 100k nodes / 500k
 * edges). Sigma 4.0.4 restyles only the items whose state changed (with gateRestyles, see
 * renderer.ts), but around those few items it still walks or uploads the whole graph:
 * - its graph-state flags (hasHovered, hasHighlighted, isDragging) are recomputed by reading
 *   every node's and edge's state after any state change (600k states at 100k / 500k), and the
 *   highlighted nodes again by reading every node's state whenever edge labels are drawn;
 * - its data textures (node data, edge data, edge path attributes) keep one dirty range from
 *   the lowest to the highest changed item: a hovered node's neighbours are spread over the
 *   graph, so a hover re-uploads nearly the whole texture;
 * - its programs re-upload their whole vertex buffer after any change of one item.
 * Here, per sigma instance: the state maps keep the keys of the flagged items as they are
 * written (the flags are read from those sets), and the textures and vertex buffers upload only
 * the items written since their last upload. Reaches into sigma's internals (pinned version):
 * where one is not as expected, that part keeps sigma's own behaviour
 * (tests/unit/render/sigma-internals.test.ts says so first).
 */

/** Past this many items changed between two uploads, the whole texture or buffer is uploaded. */
export const PARTIAL_UPLOAD_MAX_ITEMS = 4096;
/** Past this many separate runs of changed items, too: one big upload beats many small ones. */
export const PARTIAL_UPLOAD_MAX_RUNS = 256;

/** The node and edge state flags sigma's graph-state flags are computed from. */
export const NODE_STATE_FLAGS = ["isHovered", "isHighlighted", "isDragged"] as const;
export const EDGE_STATE_FLAGS = ["isHovered"] as const;

type Flags = readonly string[];

/** A state map that also keeps, for each flag, the keys whose state has it set. */
export class FlaggedStateMap<S extends object> extends Map<string, S> {
  flags: Flags = [];
  flagged: Record<string, Set<string>> = {};

  constructor(flags: Flags, entries?: Iterable<[string, S]>) {
    super();
    this.index(flags);
    if (entries) for (const [key, state] of entries) this.set(key, state);
  }

  /**
   * Turns `map` itself into a FlaggedStateMap (no copy of its entries: sigma's maps hold a state
   * per node and edge, 600k at 100k / 500k), indexing the flags of what it holds.
   */
  static adopt<S extends object>(map: Map<string, S>, flags: Flags): FlaggedStateMap<S> {
    const m = Object.setPrototypeOf(map, FlaggedStateMap.prototype) as FlaggedStateMap<S>;
    m.index(flags);
    return m;
  }

  private index(flags: Flags): void {
    this.flags = flags;
    this.flagged = {};
    for (const flag of flags) this.flagged[flag] = new Set();
    for (const [key, state] of super.entries()) this.flag(key, state);
  }

  private flag(key: string, state: S): void {
    for (const flag of this.flags) {
      if ((state as Record<string, unknown>)[flag]) this.flagged[flag]!.add(key);
      else this.flagged[flag]!.delete(key);
    }
  }

  override set(key: string, state: S): this {
    // Map's constructor would call set before the fields exist: nothing to index yet then.
    if (this.flagged) this.flag(key, state);
    return super.set(key, state);
  }

  override delete(key: string): boolean {
    for (const flag of this.flags) this.flagged[flag]!.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    for (const flag of this.flags) this.flagged[flag]!.clear();
    super.clear();
  }

  /** Whether some key's state has `flag` set. */
  any(flag: string): boolean {
    return (this.flagged[flag]?.size ?? 0) > 0;
  }
}

interface GraphFlags {
  hasHovered: boolean;
  hasHighlighted: boolean;
  isDragging: boolean;
  isIdle: boolean;
  isPanning: boolean;
  isZooming: boolean;
}

/** Sigma 4.0.4's state manager (private in its types). */
interface StateManagerInternals {
  nodeStates: Map<string, object>;
  edgeStates: Map<string, object>;
  hovered: { kind: string; key: string } | null;
  graphState: GraphFlags;
  graphStateChanged: boolean;
  updateGraphStateFromNodes(): void;
  updateGraphStateFromEdges(): void;
  getHighlightedNodes(): Set<string>;
}

/**
 * Sigma's graph-state flags and highlighted nodes read from flag sets kept as states are
 * written, instead of from every item's state (same results). False when sigma's state manager
 * is not as expected (nothing changed then).
 */
export function trackStateFlags(sigma: object): boolean {
  const sm = (sigma as { stateManager?: Partial<StateManagerInternals> }).stateManager;
  if (
    !sm ||
    !(sm.nodeStates instanceof Map) ||
    !(sm.edgeStates instanceof Map) ||
    typeof sm.updateGraphStateFromNodes !== "function" ||
    typeof sm.updateGraphStateFromEdges !== "function" ||
    typeof sm.getHighlightedNodes !== "function" ||
    typeof sm.graphState !== "object"
  ) {
    return false;
  }
  const s = sm as StateManagerInternals;
  const nodes = FlaggedStateMap.adopt(s.nodeStates, NODE_STATE_FLAGS);
  const edges = FlaggedStateMap.adopt(s.edgeStates, EDGE_STATE_FLAGS);
  // As sigma's own methods, with the flags read from the sets.
  s.updateGraphStateFromNodes = function (this: StateManagerInternals) {
    const hasHovered = nodes.any("isHovered") || this.hovered?.kind === "edge";
    const hasHighlighted = nodes.any("isHighlighted");
    const isDragging = nodes.any("isDragged");
    const isIdle = !this.graphState.isPanning && !this.graphState.isZooming && !isDragging;
    const g = this.graphState;
    if (
      g.hasHovered !== hasHovered ||
      g.hasHighlighted !== hasHighlighted ||
      g.isDragging !== isDragging ||
      g.isIdle !== isIdle
    ) {
      this.graphStateChanged = true;
    }
    this.graphState = { ...g, hasHovered, hasHighlighted, isDragging, isIdle };
  };
  s.updateGraphStateFromEdges = function (this: StateManagerInternals) {
    const hasHovered = this.hovered?.kind === "node" || edges.any("isHovered");
    if (this.graphState.hasHovered !== hasHovered) this.graphStateChanged = true;
    this.graphState = { ...this.graphState, hasHovered };
  };
  s.getHighlightedNodes = () => new Set(nodes.flagged.isHighlighted);
  return true;
}

/** Sigma 4.0.4's state manager, as far as its bulk state writes go (private in its types). */
interface StateWritesInternals {
  nodeStates: Map<string, Record<string, unknown>>;
  edgeStates: Map<string, Record<string, unknown>>;
  dirtyNodes: Set<string>;
  dirtyEdges: Set<string>;
  graphStateFlagsDirty: boolean;
  getNodeState(key: string): Record<string, unknown>;
  getEdgeState(key: string): Record<string, unknown>;
  updateHoveredNodeTracking(key: string, before: object, after: object): void;
  updateHoveredEdgeTracking(key: string, before: object, after: object): void;
  scheduleRefresh(): void;
  setNodesState(keys: Iterable<string>, partial: object): void;
  setEdgesState(keys: Iterable<string>, partial: object): void;
}

const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;

/**
 * Sigma's setNodesState / setEdgesState (a filter writes one flag on a quarter of 600k items)
 * with the same steps and results, cheaper per item: the state copied with a native spread
 * (sigma's build copies with a helper that defines each property in turn) and read and written
 * with Map's own get and set (the state maps are FlaggedStateMaps: their flag sets are only
 * updated when the partial state writes one of their flags). False when sigma's state manager
 * is not as expected (nothing changed then).
 */
export function fastStateWrites(sigma: object, visibility?: VisibilityWrites): boolean {
  const sm = (sigma as { stateManager?: Partial<StateWritesInternals> }).stateManager;
  const fns = [
    "getNodeState",
    "getEdgeState",
    "updateHoveredNodeTracking",
    "updateHoveredEdgeTracking",
    "scheduleRefresh",
    "setNodesState",
    "setEdgesState",
  ] as const;
  if (
    !sm ||
    !fns.every((k) => typeof sm[k] === "function") ||
    !(sm.nodeStates instanceof Map) ||
    !(sm.edgeStates instanceof Map) ||
    !(sm.dirtyNodes instanceof Set) ||
    !(sm.dirtyEdges instanceof Set)
  ) {
    return false;
  }
  const writes = (kind: "node" | "edge") =>
    function (this: StateWritesInternals, keys: Iterable<string>, partial: object): void {
      const states = kind === "node" ? this.nodeStates : this.edgeStates;
      const dirty = kind === "node" ? this.dirtyNodes : this.dirtyEdges;
      const flags = states instanceof FlaggedStateMap ? states.flags : null;
      const entries = Object.entries(partial);
      // Writes of the visibility flag alone, on items with nothing else to restyle: recorded.
      const written = visibility?.[kind === "node" ? "nodes" : "edges"];
      const visibilityOnly =
        !!visibility && entries.length === 1 && entries[0]![0] === visibility.flag;
      const hover = entries.some(([k]) => k === "isHovered");
      // Map's own set, unless the partial state writes a flag that the map indexes.
      const plain = !flags || !entries.some(([k]) => flags.includes(k));
      let changed = false;
      for (const k of keys) {
        const key = "" + k;
        const current =
          (mapGet.call(states, key) as Record<string, unknown> | undefined) ??
          (kind === "node" ? this.getNodeState(key) : this.getEdgeState(key));
        let differs = false;
        for (let i = 0; i < entries.length; i++) {
          if (current[entries[i]![0]] !== entries[i]![1]) {
            differs = true;
            break;
          }
        }
        if (!differs) continue;
        const next = { ...current, ...partial };
        if (plain) mapSet.call(states, key, next);
        else states.set(key, next);
        if (written) {
          if (visibilityOnly && !dirty.has(key)) written.set(key, next);
          else written.delete(key);
        }
        dirty.add(key);
        if (hover) {
          if (kind === "node") this.updateHoveredNodeTracking(key, current, next);
          else this.updateHoveredEdgeTracking(key, current, next);
        }
        changed = true;
      }
      if (changed) {
        this.graphStateFlagsDirty = true;
        this.scheduleRefresh();
      }
    };
  Object.assign(sm, { setNodesState: writes("node"), setEdgesState: writes("edge") });
  return true;
}

/**
 * Items whose last state write changed the visibility flag alone (see fastStateWrites): key ->
 * the state written. `flag` is the state field; `node` / `edge` give the style's visibility
 * from a state (what the styles compute from it).
 */
export interface VisibilityWrites {
  flag: string;
  nodes: Map<string, object>;
  edges: Map<string, object>;
  node(state: Record<string, unknown>): "visible" | "hidden";
  edge(state: Record<string, unknown>): "visible" | "hidden";
}

/** The sigma 4.0.4 internals of its per-item restyle (private in its types). */
interface RestyleInternals {
  internals: {
    nodeDataCache: Record<string, Record<string, unknown>>;
    edgeDataCache: Record<string, Record<string, unknown>>;
    nodeStyleAnalysis: { dependency: string };
    nodesWithForcedLabels: Set<string>;
    nodesWithBackdrop: Set<string>;
    edgesWithForcedLabels: Set<string>;
    graph: { source(edge: string): string; target(edge: string): string };
  };
  edgeStyleAnalysis: { dependency: string };
  stateManager: {
    graphStateChanged: boolean;
    nodeStates: Map<string, object>;
    edgeStates: Map<string, object>;
  };
  nodeReducer?: unknown;
  edgeReducer?: unknown;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  edgeTextureIndexCache: Record<string, number>;
  pickingState: { idsByKind: Record<string, Map<string, number>> };
  nodeProgram: { invalidateBuffers(): void };
  edgeProgram: {
    process(id: number, position: number, ...rest: unknown[]): void;
    invalidateBuffers(): void;
  };
  addNodeToProgram(node: string, position: number): void;
  refreshNodeState(node: string): boolean;
  refreshEdgeState(edge: string): boolean;
}

/**
 * A filter hides or shows a quarter of the items: sigma restyles each one (every style rule
 * evaluated) although only its visibility changed. Here an item whose last state write changed
 * the visibility flag alone (recorded by fastStateWrites), with no full restyle due (the graph
 * state its styles read unchanged), gets its visibility from its state (`visibility.node` /
 * `edge`) and its program slot rewritten, as sigma's restyle ends; any other item, sigma's
 * restyle. False when sigma's internals are not as expected (nothing changed then).
 */
export function visibilityRestyles(sigma: object, visibility: VisibilityWrites): boolean {
  const s = sigma as Partial<RestyleInternals>;
  const i = s.internals;
  if (
    !i ||
    typeof s.refreshNodeState !== "function" ||
    typeof s.refreshEdgeState !== "function" ||
    typeof s.addNodeToProgram !== "function" ||
    typeof s.edgeProgram?.process !== "function" ||
    typeof s.nodeProgram?.invalidateBuffers !== "function" ||
    !(s.pickingState?.idsByKind?.edge instanceof Map) ||
    !s.stateManager ||
    !s.nodeProgramIndex ||
    !s.edgeProgramIndex ||
    !s.edgeTextureIndexCache ||
    !(i.nodesWithForcedLabels instanceof Set) ||
    !(i.nodesWithBackdrop instanceof Set) ||
    !(i.edgesWithForcedLabels instanceof Set)
  ) {
    return false;
  }
  const { refreshNodeState, refreshEdgeState } = s as RestyleInternals;
  const member = (set: Set<string>, key: string, yes: boolean): void => {
    if (yes) set.add(key);
    else set.delete(key);
  };
  Object.assign(s, {
    refreshNodeState(this: RestyleInternals, node: string): boolean {
      const written = visibility.nodes.get(node);
      if (written === undefined) return refreshNodeState.call(this, node);
      visibility.nodes.delete(node);
      const data = this.internals.nodeDataCache[node];
      const position = this.nodeProgramIndex[node];
      const full =
        this.stateManager.graphStateChanged &&
        this.internals.nodeStyleAnalysis.dependency === "graph-state";
      if (
        full ||
        this.nodeReducer ||
        !data ||
        position === undefined ||
        this.stateManager.nodeStates.get(node) !== written
      ) {
        return refreshNodeState.call(this, node);
      }
      data.visibility = visibility.node(written as Record<string, unknown>);
      const shown = data.visibility !== "hidden";
      member(
        this.internals.nodesWithForcedLabels,
        node,
        shown && data.labelVisibility === "visible",
      );
      member(
        this.internals.nodesWithBackdrop,
        node,
        shown && data.backdropVisibility === "visible",
      );
      this.addNodeToProgram(node, position);
      this.nodeProgram.invalidateBuffers();
      return false;
    },
    refreshEdgeState(this: RestyleInternals, edge: string): boolean {
      const written = visibility.edges.get(edge);
      if (written === undefined) return refreshEdgeState.call(this, edge);
      visibility.edges.delete(edge);
      const data = this.internals.edgeDataCache[edge];
      const position = this.edgeProgramIndex[edge];
      const full =
        this.stateManager.graphStateChanged && this.edgeStyleAnalysis.dependency === "graph-state";
      if (
        full ||
        this.edgeReducer ||
        !data ||
        position === undefined ||
        this.stateManager.edgeStates.get(edge) !== written
      ) {
        return refreshEdgeState.call(this, edge);
      }
      data.visibility = visibility.edge(written as Record<string, unknown>);
      member(
        this.internals.edgesWithForcedLabels,
        edge,
        data.visibility !== "hidden" && data.labelVisibility === "visible",
      );
      // As sigma's restyle of an edge whose shape did not change: its slot rewritten.
      const graph = this.internals.graph;
      this.edgeProgram.process(
        // Sigma's pickingIdOf(pickingState, "edge", edge).
        this.pickingState.idsByKind.edge!.get(edge) ?? 0,
        position,
        this.internals.nodeDataCache[graph.source(edge)],
        this.internals.nodeDataCache[graph.target(edge)],
        data,
        this.edgeTextureIndexCache[edge],
      );
      this.edgeProgram.invalidateBuffers();
      return false;
    },
  });
  return true;
}

/** Sigma 4.0.4's data texture (private in its types). */
interface DataTextureInternals {
  gl: WebGL2RenderingContext;
  texture: WebGLTexture | null;
  dirty: boolean;
  dirtyRangeStart: number;
  dirtyRangeEnd: number;
  TEXELS_PER_ITEM: number;
  textureWidth: number;
  capacity: number;
  data: Float32Array;
  markDirty(index: number): void;
  upload(): void;
  resize(capacity: number): void;
  clear(): void;
}

/** Consecutive numbers of `items` as [start, end) runs, in order. */
function runs(items: Iterable<number>): [number, number][] {
  const sorted = Float64Array.from(items).sort();
  const out: [number, number][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/**
 * A sigma data texture that uploads only the items marked dirty since its last upload (their
 * texels, row by row), not the whole range between the lowest and the highest. A resize or a
 * clear (the whole texture dirty) and more than PARTIAL_UPLOAD_MAX_ITEMS items upload as sigma
 * does. False when the texture is not as expected (nothing changed then).
 */
export function uploadDirtyTexels(texture: unknown): boolean {
  const t = texture as Partial<DataTextureInternals> | null;
  if (
    !t ||
    typeof t.markDirty !== "function" ||
    typeof t.upload !== "function" ||
    typeof t.resize !== "function" ||
    typeof t.clear !== "function" ||
    typeof t.TEXELS_PER_ITEM !== "number" ||
    typeof t.textureWidth !== "number" ||
    !(t.data instanceof Float32Array)
  ) {
    return false;
  }
  const { markDirty, upload, resize, clear } = t as DataTextureInternals;
  const items = new Set<number>();
  let whole = false;
  Object.assign(t, {
    markDirty(this: DataTextureInternals, index: number) {
      markDirty.call(this, index);
      if (whole) return;
      items.add(index);
      if (items.size > PARTIAL_UPLOAD_MAX_ITEMS) whole = true;
    },
    resize(this: DataTextureInternals, capacity: number) {
      whole = true;
      resize.call(this, capacity);
    },
    clear(this: DataTextureInternals) {
      whole = true;
      clear.call(this);
    },
    upload(this: DataTextureInternals) {
      if (!this.texture) return upload.call(this);
      let min = Infinity;
      let max = -1;
      for (const i of items) {
        if (i < min) min = i;
        if (i > max) max = i;
      }
      // Anything else than exactly the items marked (a range set by sigma itself): its upload.
      const partial =
        this.dirty &&
        !whole &&
        items.size > 0 &&
        min === this.dirtyRangeStart &&
        max + 1 === this.dirtyRangeEnd;
      const spans = partial ? runs(items) : [];
      if (!partial || spans.length > PARTIAL_UPLOAD_MAX_RUNS) {
        items.clear();
        whole = false;
        return upload.call(this);
      }
      const gl = this.gl;
      const width = this.textureWidth;
      const T = this.TEXELS_PER_ITEM;
      const limit = this.capacity * T;
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, this.texture);
      for (const [a, b] of spans) {
        let start = a * T;
        const end = Math.min(b * T, limit);
        while (start < end) {
          const row = Math.floor(start / width);
          const rowEnd = Math.min((row + 1) * width, end);
          const sub = this.data.subarray(start * 4, rowEnd * 4);
          gl.texSubImage2D(
            gl.TEXTURE_2D,
            0,
            start - row * width,
            row,
            rowEnd - start,
            1,
            gl.RGBA,
            gl.FLOAT,
            sub,
          );
          start = rowEnd;
        }
      }
      gl.bindTexture(gl.TEXTURE_2D, null);
      items.clear();
      this.dirty = false;
      this.dirtyRangeStart = Infinity;
      this.dirtyRangeEnd = -1;
    },
  });
  return true;
}

interface ProgramInfoInternals {
  gl: WebGL2RenderingContext;
  buffer: WebGLBuffer;
}

/** Sigma 4.0.4's program (private in its types). */
interface ProgramInternals {
  floats: Float32Array;
  STRIDE: number;
  capacity: number;
  bufferGeneration: number;
  uploadedGeneration: Map<WebGLBuffer, number>;
  normalProgram?: ProgramInfoInternals | null;
  pickProgram?: ProgramInfoInternals | null;
  process(id: number, offset: number, ...rest: unknown[]): unknown;
  reallocate(capacity: number): void;
  invalidateBuffers(): void;
  bindProgram(program: ProgramInfoInternals): void;
}

/**
 * A sigma program that re-uploads only the items written since its last upload (bufferSubData
 * of their slots), not its whole vertex buffer. A reallocation and more than
 * PARTIAL_UPLOAD_MAX_ITEMS items upload the whole buffer as sigma does. False when the program
 * is not as expected (nothing changed then).
 */
export function uploadDirtyVertices(program: unknown): boolean {
  const p = program as Partial<ProgramInternals> | null;
  if (
    !p ||
    typeof p.process !== "function" ||
    typeof p.reallocate !== "function" ||
    typeof p.invalidateBuffers !== "function" ||
    typeof p.bindProgram !== "function" ||
    typeof p.STRIDE !== "number" ||
    typeof p.bufferGeneration !== "number" ||
    !(p.uploadedGeneration instanceof Map) ||
    !(p.floats instanceof Float32Array)
  ) {
    return false;
  }
  const { process, reallocate, invalidateBuffers, bindProgram } = p as ProgramInternals;
  /** Slots written since the last invalidation. */
  const written = new Set<number>();
  let whole = false;
  /** Slots each GL buffer still has to receive. */
  const pending = new Map<WebGLBuffer, Set<number>>();
  /** The slots written since the last invalidation, for buffer `b` to receive at its bind. */
  const queue = (self: ProgramInternals, b: WebGLBuffer): void => {
    // A buffer that has not received the current array yet gets all of it at its next bind.
    if (self.uploadedGeneration.get(b) !== self.bufferGeneration) return;
    let set = pending.get(b);
    if (!set) pending.set(b, (set = new Set()));
    for (const i of written) set.add(i);
    // Too many for slots (e.g. a picking buffer that is not drawn for a long while): whole.
    if (set.size > PARTIAL_UPLOAD_MAX_ITEMS) {
      pending.delete(b);
      self.uploadedGeneration.delete(b);
    }
  };
  Object.assign(p, {
    process(this: ProgramInternals, id: number, offset: number, ...rest: unknown[]) {
      const result = process.call(this, id, offset, ...rest);
      if (!whole) {
        written.add(offset);
        if (written.size > PARTIAL_UPLOAD_MAX_ITEMS) whole = true;
      }
      return result;
    },
    reallocate(this: ProgramInternals, capacity: number) {
      if (capacity !== this.capacity) whole = true;
      reallocate.call(this, capacity);
    },
    invalidateBuffers(this: ProgramInternals) {
      // Sigma calls this after every item it rewrites (600k times for a filter at 100k / 500k):
      // no allocation here.
      const normal = this.normalProgram?.buffer ?? null;
      const picking = this.pickProgram?.buffer ?? null;
      if (whole || (!normal && !picking)) {
        // Sigma's way: every buffer gets the whole array at its next bind.
        written.clear();
        pending.clear();
        whole = false;
        invalidateBuffers.call(this);
        return;
      }
      if (normal) queue(this, normal);
      if (picking) queue(this, picking);
      written.clear();
    },
    bindProgram(this: ProgramInternals, info: ProgramInfoInternals) {
      bindProgram.call(this, info);
      const slots = pending.get(info.buffer);
      if (!slots?.size) return;
      pending.delete(info.buffer);
      const gl = info.gl;
      const stride = this.STRIDE;
      gl.bindBuffer(gl.ARRAY_BUFFER, info.buffer);
      const spans = runs(slots);
      if (spans.length > PARTIAL_UPLOAD_MAX_RUNS) {
        gl.bufferData(gl.ARRAY_BUFFER, this.floats, gl.DYNAMIC_DRAW);
        spans.length = 0;
      }
      for (const [a, b] of spans) {
        gl.bufferSubData(
          gl.ARRAY_BUFFER,
          a * stride * Float32Array.BYTES_PER_ELEMENT,
          this.floats,
          a * stride,
          (b - a) * stride,
        );
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
    },
  });
  return true;
}

/** Sigma 4.0.4's edge label program, as far as its glyph atlas goes (private in its types). */
interface EdgeLabelProgramInternals {
  atlasManager?: {
    removeAllListeners?(event: string): void;
    on?(event: string, listener: () => void): void;
  };
  atlasNeedsUpdate?: boolean;
  refreshTimeout?: ReturnType<typeof setTimeout> | null;
}

/** Sigma's glyph atlas event (SDFAtlasManager.ATLAS_UPDATED_EVENT). */
const ATLAS_UPDATED = "atlasUpdated";

/**
 * New glyphs in the edge labels' atlas (the first time a hover shows an edge label with a
 * character not drawn before) redraw the labels: sigma's edge label program does a full refresh
 * instead (every node and edge re-indexed, restyled and re-uploaded: seconds at 100k / 500k).
 * The atlas keeps its glyphs where they are, and the labels are laid out again whenever they are
 * redrawn, so a redraw with the labels marked dirty, in a task of its own as sigma does (after
 * the frame that added them), is enough. False when sigma's internals are not as expected.
 */
export function redrawOnNewGlyphs(sigma: object): boolean {
  const s = sigma as {
    createEdgeLabelPrograms?: (this: unknown) => { labelProgram?: unknown };
    internals?: { edgeLabelProgram?: unknown };
    labelRenderer?: { labelsDirty?: boolean };
    scheduleRender?: () => void;
  };
  const create = s.createEdgeLabelPrograms;
  if (typeof create !== "function" || !s.labelRenderer || typeof s.scheduleRender !== "function") {
    return false;
  }
  const rewire = (program: unknown): void => {
    const label = program as EdgeLabelProgramInternals | null | undefined;
    const atlas = label?.atlasManager;
    if (
      !label ||
      typeof atlas?.removeAllListeners !== "function" ||
      typeof atlas.on !== "function"
    ) {
      return;
    }
    atlas.removeAllListeners(ATLAS_UPDATED);
    atlas.on(ATLAS_UPDATED, () => {
      label.atlasNeedsUpdate = true;
      // The program's kill clears this timer (as sigma's own).
      if (label.refreshTimeout) clearTimeout(label.refreshTimeout);
      label.refreshTimeout = setTimeout(() => {
        label.refreshTimeout = null;
        s.labelRenderer!.labelsDirty = true;
        s.scheduleRender!();
      }, 0);
    });
  };
  // Sigma makes the program at its first frame that may show edge labels: already there when
  // the constructor drew, else made later.
  rewire(s.internals?.edgeLabelProgram);
  s.createEdgeLabelPrograms = function (this: unknown) {
    const programs = create.call(this);
    rewire(programs.labelProgram);
    return programs;
  };
  return true;
}

/** Sigma's parts that `incrementalUpdates` patches (private in its types). */
interface SigmaIncrementalInternals {
  internals?: { nodeDataTexture?: unknown; edgeDataTexture?: unknown };
  nodeProgram?: unknown;
  edgeProgram?: { edgeAttributeTexture?: unknown };
}

/** What `incrementalUpdates` could patch on an instance (false: sigma's own behaviour). */
export interface IncrementalParts {
  stateFlags: boolean;
  stateWrites: boolean;
  visibilityOnly: boolean;
  nodeTexture: boolean;
  edgeTexture: boolean;
  edgeAttributeTexture: boolean;
  nodeVertices: boolean;
  edgeVertices: boolean;
  glyphs: boolean;
}

/**
 * Applies the above to a sigma instance (once, right after its construction). `visibility`:
 * the state flag that hides an item and the visibility its styles give (see
 * visibilityRestyles); without it, sigma restyles the items a filter hides or shows.
 */
export function incrementalUpdates(
  sigma: object,
  visibility?: Pick<VisibilityWrites, "flag" | "node" | "edge">,
): IncrementalParts {
  const s = sigma as SigmaIncrementalInternals;
  const writes: VisibilityWrites | undefined = visibility && {
    ...visibility,
    nodes: new Map(),
    edges: new Map(),
  };
  const visibilityOnly = !!writes && visibilityRestyles(sigma, writes);
  return {
    stateFlags: trackStateFlags(sigma),
    stateWrites: fastStateWrites(sigma, visibilityOnly ? writes : undefined),
    visibilityOnly,
    nodeTexture: uploadDirtyTexels(s.internals?.nodeDataTexture),
    edgeTexture: uploadDirtyTexels(s.internals?.edgeDataTexture),
    edgeAttributeTexture: uploadDirtyTexels(s.edgeProgram?.edgeAttributeTexture),
    nodeVertices: uploadDirtyVertices(s.nodeProgram),
    edgeVertices: uploadDirtyVertices(s.edgeProgram),
    glyphs: redrawOnNewGlyphs(sigma),
  };
}
