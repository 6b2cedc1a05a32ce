// A set of field paths, as structured-merge-diff keeps it: a tree where each node has
// `members` (paths that end here and are owned) and `children` (paths that continue).
// A path can be both a member and a parent, which FieldsV1 writes as `".": {}`.
import { canonicalPE, comparePE } from './pathelement';

export type Path = string[];

export class FieldSet {
  readonly members = new Set<string>();
  readonly children = new Map<string, FieldSet>();

  static fromPaths(paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  insert(path: Path): void {
    if (path.length === 0) return;
    const node = path.slice(0, -1).reduce<FieldSet>((n, pe) => n.child(pe), this);
    node.members.add(path[path.length - 1]);
  }

  has(path: Path): boolean {
    if (path.length === 0) return false;
    const node = path.slice(0, -1).reduce<FieldSet | undefined>((n, pe) => n?.children.get(pe), this);
    return !!node && node.members.has(path[path.length - 1]);
  }

  /** the subtree below one path element (empty if none) */
  withPrefix(pe: string): FieldSet {
    return this.children.get(pe) ?? new FieldSet();
  }

  empty(): boolean {
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.empty()) return false;
    return true;
  }

  union(other: FieldSet): FieldSet {
    const out = this.clone();
    out.addAll(other);
    return out;
  }

  /** removes the members of `other`, node by node; a removed member keeps its own children */
  difference(other: FieldSet): FieldSet {
    return this.combine(other, (m) => !other.members.has(m), (pe, c) => {
      const o = other.children.get(pe);
      return o ? c.difference(o) : c.clone();
    });
  }

  /** like difference, but a member of `other` also removes everything below it */
  recursiveDifference(other: FieldSet): FieldSet {
    return this.combine(other, (m) => !other.members.has(m), (pe, c) => {
      if (other.members.has(pe)) return undefined;
      const o = other.children.get(pe);
      return o ? c.recursiveDifference(o) : c.clone();
    });
  }

  intersection(other: FieldSet): FieldSet {
    return this.combine(other, (m) => other.members.has(m), (pe, c) => {
      const o = other.children.get(pe);
      return o ? c.intersection(o) : undefined;
    });
  }

  /** every member path, in upstream's iteration order: a node's members first, then its children */
  paths(): Path[] {
    const out: Path[] = [];
    this.collect([], out);
    return out;
  }

  clone(): FieldSet {
    const out = new FieldSet();
    out.addAll(this);
    return out;
  }

  equals(other: FieldSet): boolean {
    return JSON.stringify(this.toFieldsV1()) === JSON.stringify(other.toFieldsV1());
  }

  toFieldsV1(): Record<string, unknown> {
    return this.emit(false) ?? {};
  }

  static fromFieldsV1(fields: unknown): FieldSet {
    const s = new FieldSet();
    if (fields && typeof fields === 'object') s.read(fields as Record<string, unknown>);
    return s;
  }

  private child(pe: string): FieldSet {
    let c = this.children.get(pe);
    if (!c) {
      c = new FieldSet();
      this.children.set(pe, c);
    }
    return c;
  }

  private addAll(other: FieldSet): void {
    for (const m of other.members) this.members.add(m);
    for (const [pe, c] of other.children) this.child(pe).addAll(c);
  }

  private combine(
    _other: FieldSet,
    keepMember: (m: string) => boolean,
    mapChild: (pe: string, c: FieldSet) => FieldSet | undefined,
  ): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (keepMember(m)) out.members.add(m);
    for (const [pe, c] of this.children) {
      const next = mapChild(pe, c);
      if (next && !next.empty()) out.children.set(pe, next);
    }
    return out;
  }

  private collect(prefix: Path, out: Path[]): void {
    for (const m of [...this.members].sort(comparePE)) out.push([...prefix, m]);
    for (const pe of [...this.children.keys()].sort(comparePE)) this.children.get(pe)!.collect([...prefix, pe], out);
  }

  /** undefined when the node holds nothing */
  private emit(self: boolean): Record<string, unknown> | undefined {
    const emitted = new Map<string, Record<string, unknown>>();
    for (const [pe, c] of this.children) {
      const sub = c.emit(this.members.has(pe));
      if (sub) emitted.set(pe, sub);
    }
    if (this.members.size === 0 && emitted.size === 0) return undefined;
    const out: Record<string, unknown> = self ? { '.': {} } : {};
    const keys = new Set([...this.members, ...emitted.keys()]);
    for (const pe of [...keys].sort(comparePE)) out[pe] = emitted.get(pe) ?? {};
    return out;
  }

  private read(fields: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(fields)) {
      if (key === '.') continue;
      const pe = canonicalPE(key);
      const sub = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      const keys = Object.keys(sub);
      if (keys.length === 0 || '.' in sub) this.members.add(pe);
      if (keys.some((k) => k !== '.')) this.child(pe).read(sub);
    }
  }
}
