/** Events the explorer fires. All bubble and cross shadow boundaries (composed). */

export interface LoadSummary {
  triples: number;
  nodes: number;
  edges: number;
  /** Span selector warnings found when verifying the source texts (see `spanWarnings`). */
  warnings: number;
}

export interface ErrorDetail {
  message: string;
  /** 1-based line of a parse error; null when the failure has no position (e.g. a fetch). */
  line: number | null;
  column: number | null;
  /** Name of the input: a URL, a file name or "text". */
  source: string | null;
}

export interface SelectDetail {
  key: string;
  label: string;
  category: string;
}

export class OrgraphLoadEvent extends CustomEvent<LoadSummary> {
  constructor(detail: LoadSummary) {
    super("orgraph-load", { detail, bubbles: true, composed: true });
  }
}

export class OrgraphErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super("orgraph-error", { detail, bubbles: true, composed: true });
  }
}

export class OrgraphSelectEvent extends CustomEvent<SelectDetail | null> {
  constructor(detail: SelectDetail | null) {
    super("orgraph-select", { detail, bubbles: true, composed: true });
  }
}

/** `orgraph-ready`: once, after the first graph is drawn. */
export interface ReadyDetail extends LoadSummary {
  /** The dataset version (first 12 hex digits of the SHA-256 of the loaded text). */
  version: string | null;
}

export class OrgraphReadyEvent extends CustomEvent<ReadyDetail> {
  constructor(detail: ReadyDetail) {
    super("orgraph-ready", { detail, bubbles: true, composed: true });
  }
}

/** `orgraph-story-step`: the story moved to another step (1-based). */
export interface StoryStepDetail {
  step: number;
  total: number;
}

export class OrgraphStoryStepEvent extends CustomEvent<StoryStepDetail> {
  constructor(detail: StoryStepDetail) {
    super("orgraph-story-step", { detail, bubbles: true, composed: true });
  }
}

export interface OrgraphEventMap {
  "orgraph-load": OrgraphLoadEvent;
  "orgraph-error": OrgraphErrorEvent;
  "orgraph-select": OrgraphSelectEvent;
  "orgraph-ready": OrgraphReadyEvent;
  "orgraph-story-step": OrgraphStoryStepEvent;
}
