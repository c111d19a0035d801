/**
 * The partner example page (dist/app/examples.html; issue 5): two widgets with different data on
 * one page, each configured by its attributes only. This script registers the element (the
 * app's own module entry; a partner site would load dist/lib/orgraph.js or orgraph.iife.js) and
 * logs the widgets' events, as a partner page might.
 */
import "../embed/define";

const log = document.querySelector("#log");
for (const type of ["orgraph-ready", "orgraph-select", "orgraph-story-step"]) {
  document.addEventListener(type, (event) => {
    const target = event.target as HTMLElement;
    const detail = (event as CustomEvent).detail as Record<string, unknown> | null;
    const what = detail && "key" in detail ? String(detail.label ?? detail.key) : "";
    if (log) log.textContent = `${target.id}: ${type}${what ? ` (${what})` : ""}`;
  });
}
