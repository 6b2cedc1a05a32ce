// Raw HTTPS requests against the cluster, trusting its CA from the kubeconfig: for what no client
// library lets a test send (huge or malformed bodies).
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class RawClient {
  private readonly server: URL;
  private readonly ca: string;
  private readonly token: string;

  constructor(kubeconfigPath: string) {
    const kc = parse(readFileSync(kubeconfigPath, 'utf8'));
    this.server = new URL(kc.clusters[0].cluster.server);
    this.ca = Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString();
    this.token = kc.users[0].user.token;
  }

  send(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}, auth = true): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.server.hostname,
          port: this.server.port,
          path,
          method,
          ca: this.ca,
          headers: { ...(auth ? { Authorization: `Bearer ${this.token}` } : {}), 'Content-Type': 'application/json', ...headers },
        },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.end(body);
      else req.end();
    });
  }
}
