// A real HTTP receiver for webhook tests (server tests and the browser journey): it listens on
// loopback port 0, keeps every request's headers and body, and answers with `status()`.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** The endpoint URL to register (`…/hook`). */
  url: string;
  /** Requests so far, oldest first; empty it between tests with `received.length = 0`. */
  received: ReceivedRequest[];
  /** The status of the next answers (200 until changed). */
  status: () => number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = { url: '', received: [], status: () => 200, close: async () => {} };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body });
      res.statusCode = receiver.status();
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((r) => server.close(() => r()));
  return receiver;
}
