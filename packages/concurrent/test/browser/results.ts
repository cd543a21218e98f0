/** What the browser test page reports on window.__results. */
export interface PoolResults {
  done: boolean;
  errors: string[];
  crossOriginIsolated: boolean;
  sum?: number;
  mapped?: { results: number[]; indexes: number[] };
  progress?: { last: number; signals: number; resultsAtFinished: number };
  cancel?: { canceled: boolean; afterwards: number; threadsBefore: number; threadsAfter: number };
}
