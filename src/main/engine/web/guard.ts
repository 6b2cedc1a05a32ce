// Web mode's door: a per-launch token (compared in constant time), the Host header of the bound
// loopback address, and the app's own Origin. Anything else is refused: 401 without a valid token,
// 403 for a foreign Host or Origin (DNS rebinding, cross-site pages).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'wh_token';

export class WebGuard {
  readonly token = randomBytes(32).toString('base64url');

  constructor(private readonly host: string) {}

  get origin(): string {
    return `http://${this.host}`;
  }

  /** 0 = allowed; else the HTTP status to answer */
  check(req: IncomingMessage, url: URL, requireOrigin: boolean): 0 | 401 | 403 {
    if (req.headers.host !== this.host) return 403;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== this.origin) return 403;
    if (requireOrigin && origin === undefined) return 403;
    return this.tokenOf(req, url) ? 0 : 401;
  }

  private tokenOf(req: IncomingMessage, url: URL): boolean {
    const given = url.searchParams.get('token') ?? cookie(req.headers.cookie, TOKEN_COOKIE);
    return given !== undefined && sameSecret(given, this.token);
  }

  cookieHeader(): string {
    return `${TOKEN_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookie = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
};
