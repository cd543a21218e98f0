import type { Connection } from '@sigslot/core';

const NOTHING: readonly Connection[] = Object.freeze([]);

/** Changes kept per signal at most: beyond that the oldest go (only an emit older than all of them could need one). */
const MAX_ENTRIES = 256;

/**
 * What a signal emitted in a worker was connected to on this side, version by version. Qt routes an emission in the
 * emitting thread with the connections and the blocked state it sees at that moment; a worker cannot see this
 * side's connections, so it stamps each emit with the thread's routing version (a shared counter this side bumps
 * on every change), and delivery here looks up the list that version saw: an emit made before a `disconnect()`
 * still reaches the slot, one made before a `connect()` does not, and `blockSignals()` counts when emitting.
 */
export class RoutingHistory {
  private versions: number[];
  private lists: (readonly Connection[])[];

  constructor(version: number, connections: readonly Connection[]) {
    this.versions = [version];
    this.lists = [connections];
  }

  /** From `version` on, the signal reaches `connections` (empty while its owner's signals are blocked). */
  record(version: number, connections: readonly Connection[] | null): void {
    this.versions.push(version);
    this.lists.push(connections ?? NOTHING);
    if (this.versions.length > MAX_ENTRIES) {
      this.versions.shift();
      this.lists.shift();
    }
  }

  /**
   * The connections an emit stamped `version` was routed to. Emits arrive in the order they were made, so the
   * entries older than the one returned are dropped: no later emit can need them.
   */
  at(version: number): readonly Connection[] {
    const versions = this.versions;
    let i = versions.length - 1;
    // Versions are Int32 counters that may wrap: compare by difference.
    while (i > 0 && ((versions[i]! - version) | 0) > 0) i--;
    if (i > 0) {
      this.versions = versions.slice(i);
      this.lists = this.lists.slice(i);
      return this.lists[0]!;
    }
    return this.lists[0]!;
  }
}
