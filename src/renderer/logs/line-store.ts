// Every line a log view has received, outside React: chunked parallel arrays, so a million lines
// cost a million strings and no objects, and appending never copies what is there. Indexes are
// absolute (line 0 is the first line ever received); when the cap is reached the oldest chunk is
// dropped and `first` moves on, so search matches and the view keep their meaning.
import type { LogBatch, LogLine, LogSource } from '../../shared/bridge/methods-logs';

const CHUNK = 8192;
// 2^20 rows of 18 px stay under the ~33.5 million px an element can be tall in Chromium
export const MAX_LINES = 1_048_576;

type Marker = NonNullable<LogLine['marker']>;

interface Chunk {
  text: string[];
  ts: (string | undefined)[];
  src: Int32Array;
  marker: (Marker | undefined)[];
}

const newChunk = (): Chunk => ({ text: [], ts: [], src: new Int32Array(CHUNK).fill(-1), marker: [] });

export class LineStore {
  private chunks: Chunk[] = [];
  /** absolute index of the first line still held */
  private firstIndex = 0;
  private endIndex = 0;
  readonly sources: LogSource[] = [];
  private readonly listeners = new Set<() => void>();
  /** changes on every append/clear; React reads it with useSyncExternalStore */
  version = 0;

  constructor(private readonly max = MAX_LINES) {}

  get first(): number {
    return this.firstIndex;
  }
  /** one past the last line's absolute index */
  get end(): number {
    return this.endIndex;
  }
  get size(): number {
    return this.endIndex - this.firstIndex;
  }

  append(batch: LogBatch): void {
    if (batch.sources) this.sources.push(...batch.sources);
    for (const line of batch.lines) this.push(line);
    this.trim();
    this.changed();
  }

  push(line: LogLine): void {
    const offset = this.endIndex - this.chunkBase();
    const ci = Math.floor(offset / CHUNK);
    if (ci === this.chunks.length) this.chunks.push(newChunk());
    const c = this.chunks[ci];
    const i = offset % CHUNK;
    c.text[i] = line.text;
    c.ts[i] = line.ts;
    c.src[i] = line.src ?? -1;
    c.marker[i] = line.marker;
    this.endIndex++;
  }

  text(abs: number): string {
    const [c, i] = this.locate(abs);
    return c ? c.text[i] : '';
  }
  ts(abs: number): string | undefined {
    const [c, i] = this.locate(abs);
    return c?.ts[i];
  }
  src(abs: number): number {
    const [c, i] = this.locate(abs);
    return c ? c.src[i] : -1;
  }
  marker(abs: number): Marker | undefined {
    const [c, i] = this.locate(abs);
    return c?.marker[i];
  }
  source(abs: number): LogSource | undefined {
    const s = this.src(abs);
    return s >= 0 ? this.sources[s] : undefined;
  }

  /** the newest timestamp held: where a re-opened stream should continue */
  lastTimestamp(): string | undefined {
    for (let i = this.endIndex - 1; i >= this.firstIndex && i >= this.endIndex - 100; i--) {
      const t = this.ts(i);
      if (t) return t;
    }
    return undefined;
  }

  clear(): void {
    this.chunks = [];
    this.firstIndex = this.endIndex = 0;
    this.sources.length = 0;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private chunkBase(): number {
    return this.firstIndex - (this.firstIndex % CHUNK);
  }

  private locate(abs: number): [Chunk | undefined, number] {
    if (abs < this.firstIndex || abs >= this.endIndex) return [undefined, 0];
    const offset = abs - this.chunkBase();
    return [this.chunks[Math.floor(offset / CHUNK)], offset % CHUNK];
  }

  private trim(): void {
    while (this.size > this.max && this.chunks.length > 1) {
      this.chunks.shift();
      this.firstIndex = this.chunkBase() + CHUNK;
    }
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
