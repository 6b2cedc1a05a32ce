// Child process of crash.test.ts: writes as fast as it can with several concurrent writers and
// prints every key the moment its write is acknowledged, until it is killed with SIGKILL.
import { openStore } from './index';

const store = openStore({ dataDir: process.argv[2] });
let n = 0;

async function writer(id: number): Promise<void> {
  for (;;) {
    const key = `/crash/${process.argv[3]}/${id}/${n++}`;
    const kv = await store.create(key, 'x'.repeat(200));
    process.stdout.write(`${kv.modRevision} ${key}\n`);
    if (n % 3 === 0) await store.update(key, 'y', kv.modRevision);
  }
}

for (let i = 0; i < 8; i++) void writer(i);
