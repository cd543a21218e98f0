import type { Server } from 'node:http';

/** The headers that make a page cross-origin isolated. */
export declare const ISOLATION_HEADERS: Readonly<Record<string, string>>;
/** Serves `dir` with the isolation headers; `port` 0 picks a free port. */
export declare function serveSite(dir: string, options?: { port?: number; host?: string }): Promise<Server>;
