/**
 * The caption under the graph (issue 5): the data's title, its sources (links only for http(s)
 * URLs, rel="noopener noreferrer"), the dataset version and a "cite this view" link; a notice
 * when the view was cited against another version of the data. Everything from the data is text.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Lang } from "./messages";
import { widgetMessages } from "./widget-messages";

export interface CaptionSource {
  label: string;
  /** http(s) URL, or null (shown as text). */
  href: string | null;
}

export interface CaptionOptions {
  lang: Lang;
  title: string | null;
  sources: readonly CaptionSource[];
  version: string | null;
  /** The "cite this view" URL, or null. */
  citeUrl: string | null;
  /** The version a cited view expected, when it is not the data's. */
  staleVersion: string | null;
}

const isHttp = (href: string | null): href is string => !!href && /^https?:\/\//i.test(href);

export function renderCaption(o: CaptionOptions): TemplateResult {
  const t = widgetMessages(o.lang);
  return html`<footer class="caption" aria-label=${t.caption}>
    ${
      o.staleVersion && o.version
        ? html`<p class="caption-notice" role="status">
            ${t.versionChanged(o.staleVersion, o.version)}
          </p>`
        : nothing
    }
    <p class="caption-line">
      ${o.title ? html`<span class="caption-title">${o.title}</span>` : nothing}
      ${
        o.sources.length
          ? html`<span class="caption-sources"
              ><span class="caption-key">${t.sources}:</span> ${o.sources.map(
                (s, i) =>
                  html`${i > 0 ? ", " : ""}${
                    isHttp(s.href)
                      ? html`<a
                          class="caption-source"
                          href=${s.href}
                          target="_blank"
                          rel="noopener noreferrer"
                          >${s.label}</a
                        >`
                      : html`<span class="caption-source">${s.label}</span>`
                  }`,
              )}</span
            >`
          : nothing
      }
      ${
        o.version
          ? html`<span class="caption-version" title=${t.versionHint}
              ><span class="caption-key">${t.version}:</span> <code>${o.version}</code></span
            >`
          : nothing
      }
      ${
        isHttp(o.citeUrl)
          ? html`<a class="caption-cite" href=${o.citeUrl} title=${t.citeHint}>${t.cite}</a>`
          : nothing
      }
    </p>
  </footer>`;
}
