import http from 'node:http';

/** Short articles we wrote for the service tests (never corpus text). */
export function article(i: number): string {
  const people = ['Maria Lopez, the finance minister,', 'A spokesman for the council', 'Critics', 'The company'];
  const verbs = ['said', 'claimed', 'insisted', 'admitted'];
  return (
    `Plan ${i} heads to a vote\n\n` +
    `${people[i % 4]} ${verbs[i % 4]} on Tuesday that the plan for district ${i} would cut costs by ${i + 3} percent. ` +
    `Opponents slammed the reckless scheme. "This will not work," one resident told reporters.` +
    (i % 3 === 0 ? ' The disaster is obvious to everyone.' : ' The vote is expected next week.')
  );
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends `first` as the start of a chunked body and then waits, without ending the request: resolves with the
 * answer the server gives before the body is complete (or rejects after `waitMs`).
 */
export function postUnfinished(url: string, headers: Record<string, string>, first: Buffer, waitMs = 20_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${waitMs} ms while the body was unfinished`));
    }, waitMs);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.write(first);
  });
}
