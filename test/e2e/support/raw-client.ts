import { Agent, request } from 'http';

/** One answer as the wire carried it: status, headers and the body parsed if it was JSON. */
export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

/**
 * A small HTTP client over one keep-alive agent: thousands of requests without a socket each,
 * and bodies sent byte for byte (invalid UTF-8 included), which supertest would re-encode.
 */
export class RawClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  private readonly base: URL;

  constructor(baseUrl: string) {
    this.base = new URL(baseUrl);
  }

  /**
   * A socket the server closed after its keep-alive timeout (5 s) while the client was about to
   * reuse it fails with ECONNRESET before the server read anything; such a request is sent again
   * once on a new socket, as Node's documentation advises (`request.reusedSocket`).
   */
  async send(
    method: string,
    path: string,
    options: { body?: Buffer | string; headers?: Record<string, string> } = {},
  ): Promise<RawResponse> {
    try {
      return await this.sendOnce(method, path, options);
    } catch (error) {
      if ((error as { staleSocket?: boolean }).staleSocket)
        return this.sendOnce(method, path, options);
      throw error;
    }
  }

  private sendOnce(
    method: string,
    path: string,
    options: { body?: Buffer | string; headers?: Record<string, string> },
  ): Promise<RawResponse> {
    const body =
      options.body === undefined
        ? undefined
        : Buffer.isBuffer(options.body)
          ? options.body
          : Buffer.from(options.body, 'utf8');
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers: {
            ...(body ? { 'Content-Length': String(body.length) } : {}),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const contentType = String(res.headers['content-type'] ?? '');
            let json: unknown = undefined;
            if (contentType.includes('json')) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            resolve({ status: res.statusCode ?? 0, contentType, text, json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && error.code === 'ECONNRESET')
          Object.assign(error, { staleSocket: true });
        reject(error);
      });
      if (body) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs tasks with at most `width` in flight, keeping results in order. */
export async function inPool<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
