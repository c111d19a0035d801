/**
 * The widget against its host page. A partner's stylesheet may set anything on the host
 * element, even `* { all: unset !important }`; inside the shadow root only inherited properties
 * reach, through the host. `!important` declarations of the shadow tree win over the page's
 * (CSS Cascade 4, "context"), so what the widget's own layout depends on is restated here as
 * `!important`: the host's box model and the inherited typography and colours. Its width is the
 * page's to give, its height the `height` attribute's (or --orgraph-height). Last in the
 * element's styles.
 */
import { css } from "lit";

export const isolationStyles = css`
  :host {
    display: flex !important;
    flex-direction: column !important;
    position: relative !important;
    box-sizing: border-box !important;
    overflow: hidden !important;
    visibility: visible !important;
    font-family: var(--og-font) !important;
    font-size: 14px !important;
    font-style: normal !important;
    font-weight: 400 !important;
    line-height: 1.45 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    white-space: normal !important;
    color: var(--og-text) !important;
    background: var(--og-background, #fff) !important;
    direction: ltr;
    cursor: auto !important;
  }
  :host([hidden]),
  :host([destroyed]) {
    display: none !important;
  }
`;
