/** Orgraph core: the bundled contexts are imported as text (Vite's `?raw`). */
declare module "*.jsonld?raw" {
  const text: string;
  export default text;
}
