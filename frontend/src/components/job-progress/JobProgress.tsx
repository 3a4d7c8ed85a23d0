import { Card, Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ProblemAlert';
import { useJob, type JobStatus } from './useJob';

const STATUS_COLOURS: Record<JobStatus, string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  SUCCEEDED: 'success',
  FAILED: 'error',
};

/** A job's report is an object of figures (rows read, created, rejected…): show its simple values. */
function reportEntries(report: unknown): [string, string][] {
  if (typeof report !== 'object' || report === null) return [];
  return Object.entries(report as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [[k, String(v)] as [string, string]] : [],
  );
}

/** Live progress of a long-running job (polls GET /api/v1/jobs/{id} until it finishes). */
export function JobProgress({ jobId, pollMs, showReport = true }: { jobId: string; pollMs?: number; /** Off when the caller shows the report its own way. */ showReport?: boolean }) {
  const { t } = useTranslation();
  const { data: job, error, refetch } = useJob(jobId, pollMs);
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  const status = job?.status ?? 'QUEUED';
  const entries = showReport ? reportEntries(job?.report) : [];
  return (
    <Card size="small" title={t('jobs.title')} aria-busy={status === 'QUEUED' || status === 'RUNNING'}>
      <Flex vertical gap="small">
        <Tag color={STATUS_COLOURS[status]}>{t(`jobs.status.${status}`)}</Tag>
        <Progress
          percent={status === 'SUCCEEDED' ? 100 : (job?.progress ?? 0)}
          status={status === 'FAILED' ? 'exception' : status === 'SUCCEEDED' ? 'success' : 'active'}
          aria-label={t('jobs.progress')}
        />
        {job?.error && <Typography.Text type="danger">{job.error}</Typography.Text>}
        {entries.length > 0 && (
          <Descriptions size="small" column={1} title={t('jobs.report')} items={entries.map(([k, v]) => ({ key: k, label: k, children: v }))} />
        )}
      </Flex>
    </Card>
  );
}
