import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { toProblem } from '../../../lib/api/problem';

/** The duty rules the server checks; errors[].field names one of them on a 422. */
export const DUTY_RULES = ['OVERLAP', 'REST', 'WEEKLY_MAX', 'SKILLS', 'AVAILABILITY', 'STAFFING'] as const;

const isRule = (f: string): f is (typeof DUTY_RULES)[number] => (DUTY_RULES as readonly string[]).includes(f);

/** A change the duty rules refused (422 with the broken rules in errors[]), or any other problem. */
export function RuleViolations({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = toProblem(error);
  if (problem.status !== 422 || problem.errors.length === 0) return <ProblemAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('duty.rules.title')}
      description={
        <ul className="gg-problem-fields" data-testid="duty-violations">
          {problem.errors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              <Tag color="red" data-rule={e.field}>
                {isRule(e.field) ? t(`duty.rules.${e.field}`) : e.field}
              </Tag>
              {e.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
