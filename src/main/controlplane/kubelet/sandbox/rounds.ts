// Groups requests into rounds: the first starts at once, those made while a round is in flight make
// up the next one. A round's work runs as a few processes instead of a few per request, which matters
// because Node spawns on its main thread (tens of ms each on a busy machine).
export type RoundWork<T> = (items: T[]) => Promise<(Error | undefined)[]>;

export class Rounds<T> {
  private queue: { item: T; done: (error?: Error) => void }[] = [];
  private running = false;

  constructor(private readonly work: RoundWork<T>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length) {
      const round = this.queue;
      this.queue = [];
      const results = await this.work(round.map((r) => r.item)).catch((error: Error) => round.map(() => error));
      round.forEach((r, i) => r.done(results[i]));
    }
    this.running = false;
  }
}
