/** Test helper: read a fixture from tests/fixtures/core (or a path from the repository root). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function fixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../fixtures/core/${name}`, import.meta.url)),
    "utf8",
  );
}

export function repoFile(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), "utf8");
}

export function repoPath(path: string): string {
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url));
}
