/** A FIFO with O(1) push and shift (an array and a head index, compacted once half of it is consumed). */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  remove(item: T): boolean {
    const at = this.items.indexOf(item, this.head);
    if (at < 0) return false;
    this.items.splice(at, 1);
    return true;
  }
  drain(): T[] {
    const out = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return out;
  }
}

/**
 * QThreadPool's queue (TP-2): higher priority first, first in first out among equal priorities; O(1) per task, so
 * a burst of 100,000 tasks costs no more per task than one of 10 (never `Array#shift`).
 */
export class PriorityQueue<T> {
  private readonly levels = new Map<number, Fifo<T>>();
  /** The priorities with a queue, highest first. */
  private order: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T, priority: number): void {
    let level = this.levels.get(priority);
    if (!level) {
      level = new Fifo<T>();
      this.levels.set(priority, level);
      this.order.push(priority);
      this.order.sort((a, b) => b - a);
    }
    level.push(item);
    this.count++;
  }

  shift(): T | undefined {
    for (const priority of this.order) {
      const level = this.levels.get(priority)!;
      if (level.size === 0) continue;
      this.count--;
      return level.shift();
    }
    return undefined;
  }

  remove(item: T, priority: number): boolean {
    const removed = this.levels.get(priority)?.remove(item) ?? false;
    if (removed) this.count--;
    return removed;
  }

  /** Empties the queue, returning what it held in the order it would have run. */
  drain(): T[] {
    const out = this.order.flatMap((p) => this.levels.get(p)!.drain());
    this.count = 0;
    return out;
  }
}
