import { useState } from 'react';
import { Alert, Button, Card, Flex, Statistic, Table, TreeSelect, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../../components/job-progress/JobProgress';
import { isFinished, useJob } from '../../../components/job-progress/useJob';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { toProblem, type ProblemError } from '../../../lib/api/problem';
import { areaOptions } from '../areaOptions';
import { importReport, useEnterpriseDownloads, useSubmitEnterpriseImport } from '../api/enterprises';

/** One run (dry or real) of an import: its progress, then its figures and its refused rows. */
function Run({ jobId, dryRun, onErrors }: { jobId: string; dryRun: boolean; onErrors: () => void }) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const report = importReport(job.data?.report);
  const done = isFinished(job.data) && job.data?.status === 'SUCCEEDED';
  const figures = ['rows', 'created', 'updated', 'unchanged', 'rejected'] as const;
  return (
    <Card size="small" title={t(dryRun ? 'enterprises.import.dryRunTitle' : 'enterprises.import.runTitle')} data-testid={dryRun ? 'enterprise-dry-run' : 'enterprise-import-run'}>
      <JobProgress jobId={jobId} showReport={false} />
      {done && (
        <>
          <Flex gap="large" wrap className="gg-section">
            {figures.map((f) => (
              <Statistic key={f} title={dryRun && f !== 'rows' && f !== 'rejected' ? t(`enterprises.import.would.${f}`) : t(`enterprises.import.${f}`)} value={report[f] ?? '—'} />
            ))}
          </Flex>
          {report.errors.length > 0 && (
            <>
              <Table
                size="small"
                className="gg-section"
                pagination={false}
                rowKey={(_, i) => String(i)}
                dataSource={report.errors.slice(0, 20)}
                columns={[
                  { title: t('enterprises.import.line'), dataIndex: 'line', width: 64 },
                  { title: t('enterprises.import.column'), dataIndex: 'column', width: 140 },
                  { title: t('enterprises.import.reason'), dataIndex: 'message' },
                ]}
              />
              <Button icon={<DownloadOutlined />} onClick={onErrors}>
                {t('enterprises.import.downloadErrors')}
              </Button>
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** 导入: choose the area and a sheet, dry-run it, then import; good rows are kept, bad ones listed. */
export function EnterpriseImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [areaId, setAreaId] = useState<string>();
  const [runs, setRuns] = useState<{ jobId: string; dryRun: boolean }[]>([]);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const tree = useAreaTree();
  const submit = useSubmitEnterpriseImport();
  const downloads = useEnterpriseDownloads();
  const file = files[0]?.originFileObj;
  const areas = areaOptions(tree.data ?? []);
  const act = async (what: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await what();
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  const start = (dryRun: boolean) =>
    act(async () => {
      if (!file || !areaId) return;
      const jobId = await submit.mutateAsync({ file, areaId, dryRun });
      setRuns((r) => [...r, { jobId, dryRun }]);
      if (!dryRun) void qc.invalidateQueries({ queryKey: ['enterprises'] });
    });
  return (
    <Flex vertical gap="middle">
      <p className="gg-muted">{t('enterprises.import.help')}</p>
      <Button icon={<DownloadOutlined />} className="gg-self-start" onClick={() => void act(downloads.template)}>
        {t('enterprises.import.template')}
      </Button>
      <TreeSelect aria-label={t('enterprises.import.area')} placeholder={t('enterprises.import.area')} treeData={areas} value={areaId} onChange={setAreaId} showSearch={{ treeNodeFilterProp: 'title' }} />
      <Upload accept=".csv,.xlsx" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
        <Button icon={<UploadOutlined />}>{t('enterprises.import.choose')}</Button>
      </Upload>
      {problem && <ProblemAlert error={problem} />}
      <Flex gap="small" wrap>
        <Button disabled={!file || !areaId} loading={submit.isPending} onClick={() => void start(true)}>
          {t('enterprises.import.dryRun')}
        </Button>
        <Button type="primary" disabled={!file || !areaId || !runs.some((r) => r.dryRun)} loading={submit.isPending} onClick={() => void start(false)}>
          {t('enterprises.import.run')}
        </Button>
      </Flex>
      {!runs.some((r) => r.dryRun) && <Alert type="info" showIcon title={t('enterprises.import.dryRunFirst')} />}
      {runs
        .slice()
        .reverse()
        .map((r) => (
          <Run key={r.jobId} jobId={r.jobId} dryRun={r.dryRun} onErrors={() => void act(() => downloads.errors(r.jobId))} />
        ))}
    </Flex>
  );
}
