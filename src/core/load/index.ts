/** Orgraph core: chunked loading and its worker protocol. */
export * from "./load";
export * from "./protocol";
