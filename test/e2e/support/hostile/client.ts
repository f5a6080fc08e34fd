import http from 'node:http';
import type { Step } from './generate.js';

export interface Answer {
  status: number;
  /** The first 2 KiB of the answer, as text. */
  text: string;
  /** The whole answer parsed, when it is JSON (up to 1 MiB). */
  json?: any;
}

/**
 * Raw HTTP for hostile requests: the path goes out exactly as generated (no URL normalisation of "..", "%2e", broken
 * escapes), the body as the exact bytes, headers as given. A status of 0 means the connection failed (reported).
 */
export class RawClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(private readonly port: number) {}

  send(step: Step, timeoutMs = 30_000): Promise<Answer> {
    return new Promise((resolve) => {
      let req: http.ClientRequest;
      try {
        req = http.request({ host: '127.0.0.1', port: this.port, method: step.method, path: step.path, headers: step.headers, agent: this.agent });
      } catch (e) {
        // Node refuses to send it (a header or path no HTTP client can write): nothing reached the gateway.
        return resolve({ status: -1, text: `not sent: ${(e as Error).message}` });
      }
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 1_048_576) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => {
          clearTimeout(timer);
          const all = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(all);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, text: all.slice(0, 2048), json });
        });
        res.on('error', (e) => {
          clearTimeout(timer);
          resolve({ status: 0, text: `answer broken off: ${e.message}` });
        });
      });
      req.on('error', (e) => {
        clearTimeout(timer);
        resolve({ status: 0, text: `connection failed: ${e.message}` });
      });
      req.end(step.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
