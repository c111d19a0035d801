/**
 * The explorer's "who said what" views, wired to its state: the panel's tab bar (Détails |
 * Déclarations | Source), the statements view, the source text view, the "as of" control, and
 * what the details panel adds (a person's statements, sources, periods, "show in source").
 * The element keeps one `WswState` and passes its actions; their rendering (who-said-what-render.ts)
 * loads on demand with the other panels (panels.ts).
 */
import type { StatementFilter } from "../core";
import type { SourceFocus } from "../ui/source-view";
import type { WhoSaidWhat as Model, WhoSaidWhatInput } from "./who-said-what";
import { panelsModule, statementsModule } from "./lazy";

/** The model of a load (statements, claims, source texts); see who-said-what.ts. */
export type WhoSaidWhat = Model;

/**
 * Builds the model of a load; its code (who-said-what.ts, src/core/statements) loads on demand,
 * and so do the panels that show it (panels.ts), before the load shows its graph.
 */
export const WhoSaidWhat = {
  async prepare(input: WhoSaidWhatInput, pause?: () => Promise<void>): Promise<WhoSaidWhat> {
    const [{ WhoSaidWhat: model }] = await Promise.all([
      statementsModule.load(),
      panelsModule.load(),
    ]);
    return model.prepare(input, pause);
  },
};

export const PANEL_TABS = ["details", "statements", "source"] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface WswState {
  model: WhoSaidWhat | null;
  tab: PanelTab;
  filter: StatementFilter;
  /** The selected statement, or null. */
  statement: string | null;
  /** What the source view emphasises. */
  focus: SourceFocus | null;
  asOf: string | null;
  /** Scroll the emphasised text into view after the next render. */
  scroll: boolean;
}

export interface WswActions {
  update: (patch: Partial<WswState>) => void;
  select: (key: string) => void;
  selectStatement: (key: string) => void;
  showInSource: (key: string) => void;
  setAsOf: (value: string | null) => void;
  activateMark: (focus: SourceFocus, annotation: string) => void;
}
