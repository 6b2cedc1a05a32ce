// Makes the SQLite write-ahead log durable. SQLite runs with synchronous=NORMAL, so a commit is
// a write() into the -wal file without fsync; one fsync of that file (on our own descriptor —
// fsync flushes the inode whichever descriptor wrote it) makes every earlier commit durable.
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Syncer {
  /** Flushes every commit finished before the call; runs on the thread pool. */
  sync(done: (err: Error | null) => void): void;
  syncNow(): void;
  close(): void;
}

/** For ':memory:' stores: nothing to flush, but the same asynchronous shape as the real one. */
export class MemorySyncer implements Syncer {
  sync(done: (err: Error | null) => void): void {
    setImmediate(() => done(null));
  }
  syncNow(): void {}
  close(): void {}
}

export class WalFileSyncer implements Syncer {
  private readonly fd: number;
  private busy = false;
  private closeWhenIdle = false;

  constructor(walPath: string) {
    this.fd = openSync(walPath, 'r');
    // The -wal file (and maybe the db) were just created: make their directory entries durable too.
    const dir = openSync(dirname(walPath), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }

  sync(done: (err: Error | null) => void): void {
    this.busy = true;
    fsync(this.fd, (err) => {
      this.busy = false;
      if (this.closeWhenIdle) closeSync(this.fd);
      done(err);
    });
  }

  syncNow(): void {
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.busy) this.closeWhenIdle = true;
    else closeSync(this.fd);
  }
}
