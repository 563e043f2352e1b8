/** RFC 9457 problem details (`application/problem+json`): every error the service answers. */

export const PROBLEM_BASE = 'https://slant.dev/problems/';

export interface Problem {
  /** Slug appended to PROBLEM_BASE. */
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  closest?: string;
  supported?: string[];
}

export class HttpProblem extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  constructor(problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail);
    this.name = 'HttpProblem';
    this.problem = problem;
    this.headers = headers;
  }
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  const body = { ...p, type: PROBLEM_BASE + p.type };
  return new Response(JSON.stringify(body), { status: p.status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

export const problems = {
  malformedJson: (detail: string): Problem => ({ type: 'malformed-json', title: 'Malformed JSON', status: 400, detail, field: 'body' }),
  invalidRequest: (detail: string, extra: Partial<Problem> = {}): Problem => ({
    type: 'invalid-request',
    title: 'Invalid request',
    status: 400,
    detail,
    ...extra,
  }),
  unknownField: (detail: string, extra: Partial<Problem> = {}): Problem => ({
    type: 'unknown-field',
    title: 'Unknown field',
    status: 400,
    detail,
    ...extra,
  }),
  unknownAnalyzer: (detail: string, extra: Partial<Problem> = {}): Problem => ({
    type: 'unknown-analyzer',
    title: 'Unknown analyzer',
    status: 400,
    detail,
    ...extra,
  }),
  invalidConfig: (detail: string, extra: Partial<Problem> = {}): Problem => ({
    type: 'invalid-configuration',
    title: 'Invalid analyzer configuration',
    status: 400,
    detail,
    ...extra,
  }),
  unauthorized: (detail: string): Problem => ({ type: 'unauthorized', title: 'Unauthorized', status: 401, detail, field: 'Authorization' }),
  notFound: (path: string): Problem => ({ type: 'not-found', title: 'Not found', status: 404, detail: `no endpoint at ${path}` }),
  methodNotAllowed: (method: string, path: string, allowed: string[]): Problem => ({
    type: 'method-not-allowed',
    title: 'Method not allowed',
    status: 405,
    detail: `${path} does not take ${method}; it takes ${allowed.join(', ')}`,
    supported: allowed,
  }),
  tooLarge: (limit: number): Problem => ({
    type: 'body-too-large',
    title: 'Request body too large',
    status: 413,
    detail: `the request body is over the limit of ${limit} bytes (--max-body)`,
    field: 'body',
  }),
  unsupportedType: (got: string, supported: string[], extra: Partial<Problem> = {}): Problem => ({
    type: 'unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
    detail: `Content-Type "${got}" is not accepted here; send one of ${supported.join(', ')}`,
    field: 'Content-Type',
    supported,
    ...extra,
  }),
  busy: (detail: string): Problem => ({ type: 'overloaded', title: 'Service busy', status: 503, detail }),
  timeout: (ms: number): Problem => ({
    type: 'timeout',
    title: 'Analysis timed out',
    status: 504,
    detail: `the analysis took longer than ${ms} ms (--timeout); its worker was replaced`,
  }),
  internal: (detail: string): Problem => ({ type: 'internal', title: 'Internal error', status: 500, detail }),
};
