import { describe, expect, it } from "vitest";
import { browserLanguage, historyStep, pageDefaults, urlFor } from "../../../src/app/url-state";
import {
  DEFAULT_VIEW_STATE,
  select,
  setCamera,
  setSeed,
  toggleCategory,
} from "../../../src/core/state/view-state";

describe("page URL policy", () => {
  it("takes the UI language from the browser: French for fr-*, else English", () => {
    expect(browserLanguage(["fr-CA", "en"])).toBe("fr");
    expect(browserLanguage(["FR"])).toBe("fr");
    expect(browserLanguage(["de-DE", "fr"])).toBe("en");
    expect(browserLanguage([])).toBe("en");
    expect(pageDefaults(["en-GB"]).uiLanguage).toBe("en");
  });

  it("a step is a new entry, a camera move replaces, nothing new does nothing", () => {
    const d = pageDefaults(["fr"]);
    const s = DEFAULT_VIEW_STATE;
    expect(historyStep(s, select(s, "https://x.org/a"), d)).toBe("push");
    expect(historyStep(s, toggleCategory(s, "person"), d)).toBe("push");
    expect(historyStep(s, setSeed(s, 9), d)).toBe("push");
    expect(historyStep(s, setCamera(s, { x: 0.3, ratio: 0.5 }), d)).toBe("replace");
    // Below the URL's rounding: no change at all.
    expect(historyStep(s, setCamera(s, { x: 0.5 + 1e-9 }), d)).toBe("none");
    const moved = setCamera(select(s, "https://x.org/a"), { ratio: 0.5 });
    expect(historyStep(s, moved, d)).toBe("push");
  });

  it("writes only what differs from the page's defaults", () => {
    const d = pageDefaults(["en"]);
    const loc = { pathname: "/app/", hash: "" };
    expect(urlFor(loc, d, d)).toBe("/app/");
    expect(urlFor(loc, { ...d, uiLanguage: "fr" }, d)).toBe("/app/?ui=fr");
    expect(urlFor({ ...loc, hash: "#x" }, select(d, "https://x.org/a"), d)).toBe(
      "/app/?sel=https://x.org/a#x",
    );
  });
});
