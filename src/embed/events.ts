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

export interface OrgraphEventMap {
  "orgraph-load": OrgraphLoadEvent;
  "orgraph-error": OrgraphErrorEvent;
  "orgraph-select": OrgraphSelectEvent;
}
