/** One entry of a problem's `errors[]`: a validation message for one input field. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of an `application/problem+json` answer (RFC 9457) as the GridGuard API writes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors: FieldError[];
}

/** Status used for failures that never reached the server (offline, DNS, TLS, aborted). */
export const NETWORK_ERROR_STATUS = 0;

/** A failed API call: every error the API client throws is one of these. */
export class ProblemError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors;
  }

  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function fieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e) => {
    if (!isRecord(e)) return [];
    const message = str(e.message);
    return message ? [{ field: str(e.field) ?? '', message }] : [];
  });
}

/** Builds a ProblemError from an error response, whatever its body (problem+json, JSON, HTML, empty). */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  let body: unknown;
  try {
    const text = await response.text();
    const contentType = response.headers.get('Content-Type') ?? '';
    body = text && /json/i.test(contentType) ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const b = isRecord(body) ? body : {};
  return new ProblemError({
    type: str(b.type) ?? 'about:blank',
    title: str(b.title) ?? (response.statusText || `HTTP ${response.status}`),
    status: typeof b.status === 'number' ? b.status : response.status,
    detail: str(b.detail),
    instance: str(b.instance),
    errors: fieldErrors(b.errors),
  });
}

/** Wraps a failure to reach the server (fetch threw) as a ProblemError with status 0. */
export function networkProblem(error: unknown): ProblemError {
  return new ProblemError({
    type: 'about:network-error',
    title: 'Network error',
    status: NETWORK_ERROR_STATUS,
    detail: error instanceof Error ? error.message : undefined,
    errors: [],
  });
}

/** Any thrown value as a ProblemError (so the UI has one error shape to show). */
export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  return new ProblemError({
    type: 'about:client-error',
    title: error instanceof Error ? error.message : String(error),
    status: -1,
    errors: [],
  });
}

/**
 * The form field a server-side validation error belongs to. Bean Validation reports paths
 * such as `create.body.principal` or `principal`: the last segment names the field.
 */
export function fieldName(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/\[\d+\]$/, '');
}
