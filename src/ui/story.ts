/**
 * The story box (issue 5): the step's title and text, previous / next buttons, the step
 * indicator ("2 / 7") and the step's own link. The text arrives parsed (src/embed/story.ts) as
 * blocks of spans and is built here as DOM through lit templates: text nodes, <strong>, <em>,
 * <br> and <a href> with an http(s) URL only — never innerHTML.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Lang } from "./messages";
import { widgetMessages } from "./widget-messages";

export type StorySpan =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: StorySpan[] }
  | { kind: "em"; children: StorySpan[] }
  | { kind: "br" }
  | { kind: "link"; href: string; children: StorySpan[] };

/** Paragraphs of spans. */
export type StoryBlocks = StorySpan[][];

export interface StoryViewOptions {
  lang: Lang;
  storyTitle: string;
  /** 1-based. */
  step: number;
  total: number;
  title: string;
  blocks: StoryBlocks;
  /** The step's own link (an http(s) URL), or null. */
  link: string | null;
  onPrevious(): void;
  onNext(): void;
  onKey(event: KeyboardEvent): void;
}

const isHttp = (href: string): boolean => /^https?:\/\//i.test(href);

function renderSpans(spans: readonly StorySpan[]): TemplateResult[] {
  return spans.map((span) => {
    switch (span.kind) {
      case "text":
        return html`${span.text}`;
      case "strong":
        return html`<strong>${renderSpans(span.children)}</strong>`;
      case "em":
        return html`<em>${renderSpans(span.children)}</em>`;
      case "br":
        return html`<br />`;
      case "link":
        return isHttp(span.href)
          ? html`<a href=${span.href} target="_blank" rel="noopener noreferrer"
              >${renderSpans(span.children)}</a
            >`
          : html`${renderSpans(span.children)}`;
    }
  });
}

export function renderStoryText(blocks: StoryBlocks): TemplateResult {
  return html`${blocks.map((p) => html`<p>${renderSpans(p)}</p>`)}`;
}

export function renderStory(o: StoryViewOptions): TemplateResult {
  const t = widgetMessages(o.lang);
  return html`<section
    class="story"
    aria-label=${`${t.story}: ${o.storyTitle}`}
    tabindex="0"
    @keydown=${o.onKey}
  >
    <div class="story-head">
      <p class="story-name">${o.storyTitle}</p>
      <h2 class="story-title">${o.title}</h2>
    </div>
    <div class="story-text" aria-live="polite">${renderStoryText(o.blocks)}</div>
    <div class="story-nav">
      <button
        type="button"
        class="story-button"
        data-story="previous"
        ?disabled=${o.step <= 1}
        @click=${o.onPrevious}
      >
        ← ${t.previous}
      </button>
      <span class="story-step" data-story="indicator">${t.stepOf(o.step, o.total)}</span>
      <button
        type="button"
        class="story-button"
        data-story="next"
        ?disabled=${o.step >= o.total}
        @click=${o.onNext}
      >
        ${t.next} →
      </button>
      ${
        o.link && isHttp(o.link)
          ? html`<a
              class="story-link"
              data-story="link"
              href=${o.link}
              aria-label=${t.stepLinkLabel(o.step)}
              >${t.stepLink}</a
            >`
          : nothing
      }
    </div>
  </section>`;
}

export function renderStoryStatus(lang: Lang, error: string | null): TemplateResult {
  const t = widgetMessages(lang);
  return error
    ? html`<section class="story story-error" role="alert">
        <p><strong>${t.storyError}</strong>: ${error}</p>
      </section>`
    : html`<section class="story" role="status"><p>${t.storyLoading}</p></section>`;
}
