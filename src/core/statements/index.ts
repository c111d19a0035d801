/**
 * Orgraph core: who said what — statements, dates with precision, "as of" validity, selector
 * verification and sources per claim. DOM-free.
 */
export * from "./dates";
export * from "./as-of";
export * from "./claims";
export * from "./refs";
export * from "./sources";
export * from "./statements";
export * from "./filter";
export * from "./verify-spans";
export * from "./describe";
