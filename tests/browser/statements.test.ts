/**
 * Who said what, in the built app: the statements panel, the source text with its marks, the
 * "as of" date, several sources per relation, and selector verification.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { openPage, panelText, waitForEvents } from "./helpers";

const D = "https://orgraph.dev/data/iom-pk-2008/";
const SHOTS = process.env.ORGRAPH_SCREENSHOTS; // e.g. /tmp: where to write PNGs (optional)
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/browser/${name}`, import.meta.url), "utf8");

let browser: LaunchedBrowser;
let page: Page;

const el = "orgraph-explorer";
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orgraph-${name}.png` });
}

async function showTab(tab: "details" | "statements" | "source"): Promise<void> {
  await page.locator(`${el} .panel-tab[data-tab="${tab}"]`).click();
  await expect
    .poll(() => page.locator(`${el} .panel-tab[data-tab="${tab}"]`).getAttribute("aria-selected"))
    .toBe("true");
}

function explorer<T>(fn: (e: OrgraphExplorer, arg: string) => T, arg = ""): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return (new Function("e", "a", `return (${source})(e, a)`) as typeof fn)(e, a!);
    },
    [fn.toString(), arg] as const,
  );
}

beforeAll(async () => {
  browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
  page = await openPage(browser.context, inject("baseUrl"));
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  await browser?.close();
});

describe("statements panel", () => {
  it("verifies every span of the release at load: no warning", async () => {
    const [load] = await waitForEvents(page, "orgraph-load");
    expect(load!.detail).toMatchObject({ warnings: 0 });
    expect(await explorer((e) => e.spanWarnings.length)).toBe(0);
  });

  it("lists every statement with its speaker, role and kind", async () => {
    await showTab("statements");
    const groups = await page.locator(`${el} .speaker-group`).evaluateAll((sections) =>
      sections.map((section) => ({
        speaker: section.querySelector(".speaker-name button")?.textContent?.trim(),
        statements: [...section.querySelectorAll(".statement")].map((li) => ({
          key: (li as HTMLElement).dataset.key,
          kind: (li as HTMLElement).dataset.kind,
          badge: li.querySelector(".kind-badge")?.textContent?.trim(),
          text: li.querySelector(".statement-text")?.textContent ?? "",
          roles: [...li.querySelectorAll(".held-role")].map((r) => ({
            title: r.querySelector(".role-title")?.textContent?.trim(),
            when: r.querySelector(".role-when")?.textContent?.trim(),
          })),
          event: li.querySelector(".statement-event")?.textContent?.replace(/\s+/g, " ").trim(),
          date: li.querySelector(".statement-date")?.textContent?.trim(),
          source: li.querySelector(".source-part-label")?.textContent?.trim(),
          offsets: li.querySelector(".offsets")?.textContent?.trim(),
        })),
      })),
    );
    expect(groups.map((g) => [g.speaker, g.statements.length])).toEqual([
      ["Hassan Abdel Moneim Mostafa", 2],
      ["Mark Lagon", 4],
      ["Rehman Malik", 2],
    ]);
    const kinds = (i: number) => groups[i]!.statements.map((s) => s.kind).sort();
    expect(kinds(0)).toEqual(["direct", "reported"]);
    expect(kinds(1)).toEqual(["direct", "reported", "reported", "reported"]);
    expect(kinds(2)).toEqual(["reported", "reported"]);
    const records = await explorer((e) =>
      e.statements.map((s) => ({ key: s.key, text: s.text, kind: s.kind })),
    );
    expect(records).toHaveLength(8);
    const all = groups.flatMap((g) => g.statements.map((s) => ({ ...s, speaker: g.speaker })));
    for (const r of records) {
      const shown = all.find((s) => s.key === r.key);
      expect(shown, r.key).toBeDefined();
      // The verbatim text, direct quotes in guillemets, reported speech marked as such.
      expect(flat(shown!.text)).toBe(flat(r.kind === "direct" ? `« ${r.text} »` : r.text));
      expect(shown!.badge).toBe(r.kind === "direct" ? "citation directe" : "discours rapporté");
      expect(shown!.roles.length).toBeGreaterThan(0);
      expect(shown!.date).toBe("10 septembre 2008");
      expect(shown!.source).toBe("Corps du communiqué");
      expect(shown!.offsets).toMatch(/^caractères \d+–\d+$/);
    }
    expect(groups[0]!.statements[0]!.roles[0]!.title).toContain("Représentant régional");
    expect(
      groups[1]!.statements.every((s) =>
        s.roles.map((r) => r.title).includes("Ambassadeur — Département d'État américain"),
      ),
    ).toBe(true);
    expect(groups[1]!.statements[0]!.roles[1]).toEqual({
      title: "Directeur du Bureau de surveillance et de répression de la traite des personnes",
      when: "31 mai 2007 – 26 janvier 2009 · en fonction",
    });
    expect(groups[2]!.statements[0]!.roles[0]!.title).toBe(
      "conseiller au Ministère de l'Intérieur",
    );
    // The closing note's list, as the app shows it.
    console.log(
      all
        .map(
          (s) =>
            `${s.speaker} | ${s.roles.map((r) => `${r.title} (${r.when})`).join(" ; ")} | ${s.badge} | ${s.event} | ${s.date} | ${s.source}, ${s.offsets}`,
        )
        .join("\n"),
    );
    await shot("statements");
  });

  it("filters by text (accents ignored), kind and speaker, from the keyboard", async () => {
    const count = () => page.locator(`${el} .statements-view .statement`).count();
    await page.locator(`${el} #st-text`).focus();
    await page.keyboard.type("eradiquer");
    await expect.poll(count).toBe(1);
    expect(await page.locator(`${el} .statements-count`).innerText()).toBe("1 sur 8 déclarations");
    await page.locator(`${el} .clear-filters`).click();
    await expect.poll(count).toBe(8);
    await page.locator(`${el} #st-kind`).selectOption("reported");
    await expect.poll(count).toBe(6);
    await page.locator(`${el} #st-speaker`).selectOption(`${D}malik`);
    await expect.poll(count).toBe(2);
    await page.locator(`${el} #st-kind`).selectOption("direct");
    await expect.poll(count).toBe(0);
    expect(await page.locator(`${el} .statements-view`).innerText()).toContain(
      "Aucune déclaration ne correspond",
    );
    await page.locator(`${el} .clear-filters`).click();
    await page.locator(`${el} #st-organisation`).selectOption(`${D}iom`);
    await expect.poll(count).toBe(2);
    await page.locator(`${el} .clear-filters`).click();
    await expect.poll(count).toBe(8);
  });

  it("selecting Mostafa's direct quote selects Mostafa and highlights exactly the quote", async () => {
    const key = `${D}s-mostafa-quote`;
    const button = page.locator(`${el} .statement[data-key="${key}"] .statement-main`);
    await button.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => explorer((e) => e.tab)).toBe("source");
    const text = await explorer((e, k) => e.statements.find((s) => s.key === k)!.text, key);
    const focus = page.locator(`${el} .source-text mark.focus`);
    await expect.poll(() => focus.count()).toBe(1);
    expect(await focus.textContent()).toBe(text);
    expect(await explorer((e) => e.selected)).toBe(`${D}mostafa`);
    const highlighted = await explorer((e) => [...e.highlighted]);
    expect(highlighted).toEqual(expect.arrayContaining([`${D}mostafa`, `${D}trafficking`, key]));
    const events = await waitForEvents(page, "orgraph-select");
    expect(events.at(-1)!.detail).toMatchObject({ key: `${D}mostafa`, category: "person" });
    // Scrolled into view inside the panel.
    const visible = await focus.evaluate((m) => {
      const r = m.getBoundingClientRect();
      const p = m.closest(".panel")!.getBoundingClientRect();
      return r.top >= p.top && r.top < p.bottom;
    });
    expect(visible).toBe(true);
    // The page template and the release body are told apart.
    const parts = await page
      .locator(`${el} .source-part .part-label span:first-child`)
      .allInnerTexts();
    expect(parts.map((p) => p.toLowerCase())).toEqual([
      "gabarit de la page iom.int",
      "corps du communiqué",
    ]);
    await shot("source-quote");
  });

  it("marks every verified span, as text only, one mark per span", async () => {
    const { marks, ids, text, spans } = await page.evaluate(() => {
      const root = document.querySelector("orgraph-explorer")!.shadowRoot!;
      const all = [...root.querySelectorAll(".source-text mark.span")] as HTMLElement[];
      return {
        marks: all.length,
        ids: new Set(all.map((m) => m.dataset.mark)).size,
        text: [...root.querySelectorAll(".source-text")].map((t) => t.textContent).join(""),
        spans: root.querySelectorAll(".source-text *:not(mark)").length,
      };
    });
    const release = readFileSync(new URL("../../data/release-fr.txt", import.meta.url), "utf8");
    expect(text).toBe(release);
    expect(ids).toBe(52);
    // One crossing pair in the release: one of the two is split in two pieces.
    expect(marks).toBe(53);
    expect(spans).toBe(0);
  });

  it("clicking a mark selects what it supports", async () => {
    const mark = page.locator(`${el} .source-text mark[data-annotation="${D}a-malik"]`);
    await mark.click();
    await expect.poll(() => explorer((e) => e.selected)).toBe(`${D}malik`);
    expect(await explorer((e) => [...e.highlighted])).toContain(`${D}malik`);
    expect(await mark.getAttribute("class")).toContain("focus");
    // A mark on a relation selects its main end (Lagon's posts: Mark Lagon).
    await page.locator(`${el} .source-text mark[data-annotation="${D}a-lagon-posts"]`).click();
    await expect.poll(() => explorer((e) => e.selected)).toBe(`${D}lagon`);
    expect(await explorer((e) => [...e.highlighted])).toEqual(
      expect.arrayContaining([`${D}lagon`, `${D}us-tip-office`, `${D}post-us-tip-director`]),
    );
  });
});

describe("details panel", () => {
  it("selecting Rehman Malik lists his two statements", async () => {
    await showTab("statements");
    await page
      .locator(`${el} .speaker-group[data-speaker="${D}malik"] .speaker-name button`)
      .click();
    await expect.poll(() => explorer((e) => e.tab)).toBe("details");
    expect(await explorer((e) => e.selected)).toBe(`${D}malik`);
    const cards = page.locator(`${el} .details .person-statements .statement`);
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.evaluateAll((l) => l.map((x) => (x as HTMLElement).dataset.kind))).toEqual([
      "reported",
      "reported",
    ]);
    expect((await panelText(page)).toLowerCase()).toContain("déclarations (2)");
    await shot("details-malik");
  });

  it("Lagon's directorship shows its sources, corroborated, and where they differ", async () => {
    await explorer((e, k) => e.select(k), `${D}lagon`);
    const edge = page.locator(`${el} .relation-extra`).filter({ hasText: "corroboré" }).first();
    await expect.poll(() => edge.count()).toBe(1);
    const text = flat(await edge.innerText());
    expect(text).toContain("3 sources");
    expect(text).toContain("31 mai 2007 – 26 janvier 2009");
    await edge.locator("summary").click();
    const open = flat(await edge.innerText());
    expect(open).toContain("AllGov : profil officiel de Mark Lagon");
    expect(open).toContain("Université de Georgetown : profil de Mark Lagon");
    expect(open).toContain("Corps du communiqué");
    expect(open).toContain("Les sources diffèrent");
    expect(open).toContain("26 janvier 2009 (AllGov : profil officiel de Mark Lagon)");
    expect(open).toContain("janvier 2009 (Université de Georgetown : profil de Mark Lagon)");
    expect(open).toContain("précision différente");
    await shot("details-lagon");
  });

  it("'show in source' opens the text at a relation's span", async () => {
    const button = page.locator(`${el} .relation-extra .show-source`).first();
    await button.click();
    await expect.poll(() => explorer((e) => e.tab)).toBe("source");
    expect(await page.locator(`${el} .source-text mark.focus`).count()).toBeGreaterThan(0);
  });
});

describe("as of a date", () => {
  it("in 2010 Lagon no longer directs the trafficking office; his 2008 statements still name the post", async () => {
    await showTab("details");
    await explorer((e, k) => e.select(k), `${D}lagon`);
    await page.locator(`${el} .as-of-year`).fill("2010");
    await page.locator(`${el} .as-of-year`).press("Enter");
    await expect.poll(() => explorer((e) => e.asOf)).toBe("2010");
    const out = await explorer((e) =>
      e.outOfDate.map((k) => {
        const g = e.graph!;
        return [g.source(k), g.getEdgeAttribute(k, "predicate"), g.target(k)];
      }),
    );
    const ORG = "http://www.w3.org/ns/org#";
    expect(out).toEqual(
      expect.arrayContaining([
        [`${D}lagon`, `${ORG}memberOf`, `${D}us-tip-office`],
        [`${D}lagon`, `${ORG}headOf`, `${D}us-tip-office`],
        [`${D}lagon`, `${ORG}holds`, `${D}post-us-tip-director`],
      ]),
    );
    expect(await page.locator(`${el} .as-of-note`).innerText()).toContain("hors période");
    // The details say so; the undated ambassador post stays and says it is undated.
    const inactive = page.locator(`${el} .details .relation-extra[data-status="inactive"]`);
    await expect.poll(() => inactive.count()).toBeGreaterThanOrEqual(2);
    expect(flat(await inactive.first().innerText())).toContain("hors période en 2010");
    const undated = page.locator(`${el} .details .relation-extra[data-status="undated"]`);
    expect(flat(await undated.first().innerText())).toContain("non daté");
    await shot("as-of-2010");
    // Statements show the role held on their own date.
    await showTab("statements");
    const lagon = page.locator(`${el} .speaker-group[data-speaker="${D}lagon"] .statement`);
    expect(await lagon.count()).toBe(4);
    for (const card of await lagon.all()) {
      const t = flat(await card.innerText());
      expect(t).toContain(
        "Directeur du Bureau de surveillance et de répression de la traite des personnes",
      );
      expect(t).toContain("31 mai 2007 – 26 janvier 2009 · en fonction");
    }
    // "Any date" brings the edges back.
    await page.locator(`${el} .as-of-clear`).click();
    await expect.poll(() => explorer((e) => e.outOfDate.length)).toBe(0);
    expect(await explorer((e) => e.asOf)).toBeNull();
  });

  it("keeps the date's precision: a month inside the term's last month is not out of period", async () => {
    await explorer((e) => {
      e.asOf = "2009-01";
    });
    const out = await explorer((e) => e.outOfDate.length);
    expect(out).toBe(0);
    await explorer((e) => {
      e.asOf = "2009-02";
    });
    expect(await explorer((e) => e.outOfDate.length)).toBeGreaterThanOrEqual(3);
    await explorer((e) => {
      e.asOf = null;
    });
  });
});

describe("selector verification", () => {
  it("a deliberately wrong selector is reported, not dropped", async () => {
    const F = "https://orgraph.dev/data/fixture-wrong-selector/";
    const summary = await page.evaluate(
      ([text, txt, key]) =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).load({
          text: text!,
          format: "trig",
          texts: { [key!]: txt! },
        }),
      [fixture("wrong-selector.trig"), fixture("wrong-selector.txt"), `${F}text`] as const,
    );
    expect(summary.warnings).toBe(2);
    const events = await waitForEvents(page, "orgraph-load", 2);
    expect(events.at(-1)!.detail).toMatchObject({ warnings: 2 });
    const warnings = await explorer((e) =>
      e.spanWarnings.map((w) => [w.code, w.annotation.split("/").pop(), w.at ?? null]),
    );
    expect(warnings).toEqual([
      ["selector-mismatch", "a-statement", 48],
      ["span-not-found", "a-closing", null],
    ]);
    await showTab("source");
    const shown = page.locator(`${el} .span-warnings .warning`);
    expect(await shown.count()).toBe(2);
    expect(await shown.evaluateAll((l) => l.map((w) => (w as HTMLElement).dataset.code))).toEqual([
      "selector-mismatch",
      "span-not-found",
    ]);
    expect(await page.locator(`${el} .span-warnings summary`).innerText()).toContain(
      "2 avertissements",
    );
    expect(await page.locator(`${el} .panel-tab[data-tab="source"]`).innerText()).toContain("2");
    // The mismatched span is marked where its quote really is.
    expect(
      await page
        .locator(`${el} .source-text mark[data-annotation="${F}a-statement"]`)
        .textContent(),
    ).toBe("les données doivent être partagées");
    await shot("wrong-selector");
  });
});
