// ESLint flat config: typescript-eslint's recommended rules, plus the pipeline rule that
// src/core stays DOM-free and no stage imports from a later one.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const later = {
  core: ["render", "ui", "embed", "app"],
  render: ["ui", "embed", "app"],
  ui: ["embed", "app"],
  embed: ["app"],
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  ...Object.entries(later).map(([stage, forbidden]) => ({
    files: [`src/${stage}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: forbidden.map((f) => ({
            group: [`**/${f}/*`, `**/${f}`],
            message: `src/${stage} must not import from src/${f}: the pipeline runs core -> render -> ui -> embed -> app.`,
          })),
        },
      ],
    },
  })),
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "document", "window", "HTMLElement", "navigator"],
    },
  },
);
