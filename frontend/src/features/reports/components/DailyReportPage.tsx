import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, List, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { kindLabel } from '../../../lib/i18n/labels';
import { downloadReport, useDailyReport, useSubmissions, type ReportTarget } from '../api/reports';
import type { DailyReport, DailyReportSubmission, ReportFormat } from '../api/types';
import { AreaPicker } from './AreaPicker';
import { ChildrenTable } from './ChildrenTable';
import { SectionTable } from './SectionTable';
import { SubmitForm } from './SubmitForm';
import '../reports.css';

const FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv'];

/** PDF, XLSX and CSV of what is shown, fetched with the caller's token and saved. */
function Downloads({ target }: { target: ReportTarget }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReportFormat>();
  const download = (format: ReportFormat) => {
    setBusy(format);
    downloadReport(client, target, format)
      .catch(() => message.error(t('reports.downloadFailed')))
      .finally(() => setBusy(undefined));
  };
  return (
    <Space wrap>
      {FORMATS.map((f) => (
        <Button key={f} icon={<DownloadOutlined />} loading={busy === f} onClick={() => download(f)} data-testid={`download-${f}`}>
          {t(`reports.formats.${f}`)}
        </Button>
      ))}
    </Space>
  );
}

/** The narrative of a submission: highlights, problems, requests and, for a correction, its reason. */
function Narrative({ s }: { s: DailyReportSubmission }) {
  const { t } = useTranslation();
  const rows = (['highlights', 'problems', 'requests', 'reason'] as const).filter((k) => s[k]);
  return (
    <Descriptions size="small" column={1} bordered>
      {rows.map((k) => (
        <Descriptions.Item key={k} label={t(`reports.submit.${k}`)}>
          <span className="gg-pre">{s[k]}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Versions({ items, current, onOpen }: { items: readonly DailyReportSubmission[]; current?: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('reports.versions.title')}>
      <List
        dataSource={[...items]}
        locale={{ emptyText: t('reports.versions.none') }}
        renderItem={(s) => (
          <List.Item
            data-testid="report-version"
            actions={[
              <Button key="open" type="link" disabled={s.id === current} onClick={() => onOpen(s.id)}>
                {t('reports.versions.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <strong>v{s.version}</strong>
                  {s.late && <Tag className="gg-report-status gg-report-status-LATE">{t('reports.status.LATE')}</Tag>}
                  <span>{dayjs(s.submittedAt).format('MM-DD HH:mm')}</span>
                  <span className="gg-muted">{s.submittedBy}</span>
                </Space>
              }
              description={s.reason ? t('reports.versions.reason', { reason: s.reason }) : undefined}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Heading({ report }: { report: DailyReport }) {
  const { t } = useTranslation();
  const frozen = report.source === 'SUBMITTED';
  return (
    <Typography.Paragraph data-testid="report-heading">
      <strong>{report.areaName}</strong> {kindLabel(t, report.areaKind)} · {report.date}{' '}
      <Tag className={frozen ? 'gg-report-status gg-report-status-SUBMITTED' : undefined} data-testid="report-source">
        {frozen ? t('reports.source.SUBMITTED', { version: report.version ?? '' }) : t('reports.source.LIVE')}
      </Tag>
      <span className="gg-muted">
        {t(frozen ? 'reports.frozenAt' : 'reports.generatedAt', { time: dayjs(report.generatedAt).format('MM-DD HH:mm') })}
        {report.cutoff && ` · ${t('reports.cutoff')} ${dayjs(report.cutoff).format('HH:mm')}`}
      </span>
    </Typography.Paragraph>
  );
}

/**
 * 日报 (/reports/daily?areaId&date): a node's figures of a day beside the day before, its children's submissions,
 * every submitted version, the submission form when the caller submits this node, and the downloads.
 */
export function DailyReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const submissionId = params.get('submission') ?? undefined;
  const target: ReportTarget = { areaId: params.get('areaId') ?? undefined, date: params.get('date') ?? undefined, submissionId };
  const { data: report, error, isPending, refetch } = useDailyReport(target);
  const areaId = target.areaId ?? report?.areaId;
  const date = target.date ?? report?.date;
  const versions = useSubmissions(areaId, date);

  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
        return next;
      },
      { replace: true },
    );

  return (
    <div className="gg-report">
      <Typography.Title level={2}>{t('reports.daily.title')}</Typography.Title>
      <Space wrap className="gg-report-pickers">
        <DatePicker
          size="large"
          allowClear={false}
          aria-label={t('reports.date')}
          value={date ? dayjs(date) : undefined}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && set({ date: d.format('YYYY-MM-DD'), submission: undefined })}
        />
        <AreaPicker value={areaId} onChange={(id) => set({ areaId: id, submission: undefined })} />
      </Space>
      {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
      {isPending && <Skeleton active />}
      {report && (
        <>
          <Space wrap className="gg-report-head">
            <Heading report={report} />
            {submissionId && <Link to={`/reports/daily?areaId=${report.areaId}&date=${report.date}`}>{t('reports.versions.back')}</Link>}
          </Space>
          <Downloads target={{ areaId: report.areaId, date: report.date, submissionId }} />
          {report.submission && <Narrative s={report.submission} />}
          {report.sections.map((s) => (
            <SectionTable key={s.key} section={s} date={report.date} previousDate={report.previousDate} />
          ))}
          {report.children.length > 0 && (
            <Card size="small" title={t('reports.children.title')}>
              <ChildrenTable items={report.children} date={report.date} />
            </Card>
          )}
          {(versions.data?.length ?? 0) > 0 && <Versions items={versions.data ?? []} current={submissionId} onOpen={(id) => set({ submission: id })} />}
          {report.submittable && !submissionId && <SubmitForm report={report} onSubmitted={(s) => s.submission && set({ submission: s.submission.id })} />}
        </>
      )}
    </div>
  );
}
