/**
 * The dark theme's CSS for both ways of asking for it: `theme="dark"`, and `theme="auto"` while
 * the user prefers a dark colour scheme (the media query switches it live, no script).
 */
import { unsafeCSS, type CSSResult } from "lit";

/** The host selectors of the dark theme: asked for, and `auto` (inside the media query). */
const DARK_HOST = ':host([theme="dark" i])';
const AUTO_HOST = ':host([theme="auto" i])';

/**
 * `rules(host)`, CSS whose selectors start with `host`, for the dark theme and for `auto` under
 * `prefers-color-scheme: dark`. Only constants of this code base go in (never data).
 */
export function darkThemeCss(rules: (host: string) => string): CSSResult {
  return unsafeCSS(
    `${rules(DARK_HOST)}\n@media (prefers-color-scheme: dark) {\n${rules(AUTO_HOST)}\n}`,
  );
}
