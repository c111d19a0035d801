/**
 * The explorer page: registers <orgraph-explorer> and points it at the built-in dataset (the IOM
 * Pakistan counter-trafficking release). The `?url` import makes Vite copy the TriG file into the
 * build (dist/app/assets) and gives its URL, relative to the page thanks to `base: "./"`.
 */
import "../embed/define";
import releaseUrl from "../../data/release.trig?url";

const explorer = document.querySelector("orgraph-explorer");
if (explorer && !explorer.getAttribute("src")) {
  explorer.setAttribute("src", releaseUrl);
}
