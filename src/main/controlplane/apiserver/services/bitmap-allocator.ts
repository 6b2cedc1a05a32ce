// Which numbers of a range are taken, and by whom: the state behind both the cluster IP and the node
// port allocators. Random picks, as upstream's, so a freed number is not handed straight back.
export class RangeAllocator {
  private readonly owners = new Map<number, string>();
  private readonly byOwner = new Map<string, Set<number>>();

  constructor(
    private readonly first: number,
    private readonly last: number,
    private readonly random: () => number = Math.random,
  ) {}

  inRange(n: number): boolean {
    return Number.isInteger(n) && n >= this.first && n <= this.last;
  }

  ownerOf(n: number): string | undefined {
    return this.owners.get(n);
  }

  /** claims `n` for `owner`; false when someone else holds it */
  claim(n: number, owner: string): boolean {
    const current = this.owners.get(n);
    if (current !== undefined && current !== owner) return false;
    this.owners.set(n, owner);
    let held = this.byOwner.get(owner);
    if (!held) this.byOwner.set(owner, (held = new Set()));
    held.add(n);
    return true;
  }

  /** a free number, or undefined when the range is full */
  pick(): number | undefined {
    const span = this.last - this.first + 1;
    if (this.owners.size >= span) return undefined;
    for (let i = 0; i < 32; i++) {
      const n = this.first + Math.floor(this.random() * span);
      if (!this.owners.has(n)) return n;
    }
    const start = this.first + Math.floor(this.random() * span);
    for (let i = 0; i < span; i++) {
      const n = this.first + ((start - this.first + i) % span);
      if (!this.owners.has(n)) return n;
    }
    return undefined;
  }

  release(n: number, owner?: string): void {
    const current = this.owners.get(n);
    if (current === undefined || (owner !== undefined && current !== owner)) return;
    this.owners.delete(n);
    const held = this.byOwner.get(current);
    held?.delete(n);
    if (held?.size === 0) this.byOwner.delete(current);
  }

  /** every number `owner` holds */
  heldBy(owner: string): number[] {
    return [...(this.byOwner.get(owner) ?? [])];
  }
}
