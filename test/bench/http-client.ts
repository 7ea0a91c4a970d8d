import { Agent, request } from 'node:http';

/**
 * A keep-alive HTTP client for the load generator. node:http rather than fetch: on a small
 * machine the bench shares CPUs with the server, and fetch (undici with WHATWG streams) needed
 * several times more client CPU per request — the posters then starved one another (some
 * waited seconds for an answer) and the figure measured the client, not the server.
 */
export class HttpClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  /** Every concurrent request gets its own kept-alive connection (no limit), as separate devices would. */
  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true });
  }

  /** POSTs `body` as JSON; resolves with the status and the answer's text. */
  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
