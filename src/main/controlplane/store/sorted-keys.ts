// Keys kept in sorted order for prefix ranges and paging. A plain array with binary search:
// lookups are O(log n) and an insert is one memmove of pointers (about 10 µs at 50,000 keys),
// which is far below the cost of the write that causes it.

export class SortedKeys {
  private readonly keys: string[];

  /** `sorted` must already be in ascending order (the store loads keys ORDER BY key). */
  constructor(sorted: string[] = []) {
    this.keys = sorted;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Index of the first key >= `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first key > `key`. */
  upperBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  at(index: number): string {
    return this.keys[index];
  }

  insert(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }
}
