// Our store behind the same HTTP/JSON shape as etcd's gateway (POST /v3/kv/put, base64 key and
// value), in its own process, so the HTTP overhead can be compared like for like.
// Run as: node --import tsx bench/lib/store-http.ts <dataDir>   → prints the port.
import { createServer } from 'node:http';
import { openStore } from '../../src/main/controlplane/store';

const store = openStore({ dataDir: process.argv[2] });
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    const { key, value } = JSON.parse(body) as { key: string; value: string };
    const k = Buffer.from(key, 'base64').toString();
    const v = Buffer.from(value, 'base64').toString();
    const write = store.get(k) ? store.update(k, v) : store.create(k, v);
    write.then(
      (kv) => res.end(JSON.stringify({ header: { revision: String(kv.modRevision) } })),
      (err: Error) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: err.message }));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log((server.address() as { port: number }).port));
process.on('SIGTERM', () => {
  store.close();
  process.exit(0);
});
