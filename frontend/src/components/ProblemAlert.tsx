import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { fieldName, toProblem, type ProblemError } from '../lib/api/problem';

/** The translated one-line explanation of a failed call, chosen by its HTTP status. */
export function problemMessageKey(problem: ProblemError): ParseKeys {
  if (problem.isNetworkError) return 'problem.network';
  switch (problem.status) {
    case 400:
    case 422:
      return 'problem.invalid';
    case 401:
      return 'problem.unauthorized';
    case 403:
      return 'problem.forbidden';
    case 404:
      return 'problem.notFound';
    case 409:
      return 'problem.conflict';
    case 412:
      return 'problem.stale';
    case 413:
      return 'problem.tooLarge';
    case 429:
      return 'problem.tooMany';
    default:
      return problem.status >= 500 ? 'problem.server' : 'problem.unknown';
  }
}

interface Props {
  error: unknown;
  /** Offers a retry button (for failed reads). */
  onRetry?: () => void;
  /** List `errors[]` in the alert; forms that show them on their fields turn this off. */
  showFieldErrors?: boolean;
  /** The retry button's label (default "Retry"), e.g. "Reload" after a 412. */
  retryLabel?: string;
}

/** Shows any error (normally a problem+json answer) as a clear, translated message. */
export function ProblemAlert({ error, onRetry, showFieldErrors = true, retryLabel }: Props) {
  const { t } = useTranslation();
  const problem = toProblem(error);
  const detail = problem.detail ?? (problem.title !== 'about:blank' ? problem.title : undefined);
  const fields = showFieldErrors ? problem.errors : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t(problemMessageKey(problem))}
      description={
        detail || fields.length > 0 ? (
          <>
            {detail && <p className="gg-problem-detail">{detail}</p>}
            {fields.length > 0 && (
              <ul className="gg-problem-fields">
                {fields.map((e, i) => (
                  <li key={`${e.field}-${i}`}>
                    {e.field ? <strong>{fieldName(e.field)}: </strong> : null}
                    {e.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="middle" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
