import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Steps, Table, TreeSelect, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { JobProgress } from '../../../components/job-progress/JobProgress';
import { isFinished, useJob } from '../../../components/job-progress/useJob';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { toProblem, type ProblemError } from '../../../lib/api/problem';
import type { AreaNode } from '../../../lib/api/types';
import { kindLabel } from '../../../lib/i18n/labels';
import { importReport, useImportDownloads, useSubmitImport, type ImportReport, type ImportRowProblem } from '../api/imports';

const ACCEPTED = /\.(csv|xlsx)$/i;
/** The server's upload limit (ImportResource @BodyLimit). */
const MAX_BYTES = 60 * 1024 * 1024;

interface AreaOption {
  value: string;
  title: string;
  disabled: boolean;
  children: AreaOption[];
}

/** Imports go to a community, zone, grid cell or compound (not a building). */
function importAreas(nodes: readonly AreaNode[], t: TFunction): AreaOption[] {
  return nodes.flatMap((n) =>
    n.id && n.kind !== 'BUILDING'
      ? [
          {
            value: n.id,
            title: `${n.name ?? n.code ?? ''} · ${kindLabel(t, n.kind)}`,
            disabled: n.context === true || n.kind === 'STREET' || n.kind === 'DISTRICT',
            children: importAreas(n.children ?? [], t),
          },
        ]
      : [],
  );
}

function ReportFigures({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const { t } = useTranslation();
  const figures: [string, string, number | undefined][] = dryRun
    ? [
        ['rows', t('imports.report.rows'), report.rows],
        ['valid', t('imports.report.valid'), report.valid],
        ['invalid', t('imports.report.invalid'), report.invalid],
        ['warnings', t('imports.report.warnings'), report.warnings],
        ['wouldCreate', t('imports.report.wouldCreate'), report.wouldCreate],
        ['wouldUpdateOrKeep', t('imports.report.wouldUpdateOrKeep'), report.wouldUpdateOrKeep],
      ]
    : [
        ['rows', t('imports.report.rows'), report.rows],
        ['valid', t('imports.report.valid'), report.valid],
        ['invalid', t('imports.report.invalid'), report.invalid],
        ['warnings', t('imports.report.warnings'), report.warnings],
        ['created', t('imports.report.created'), report.created],
        ['updated', t('imports.report.updated'), report.updated],
        ['householdsCreated', t('imports.report.householdsCreated'), report.householdsCreated],
      ];
  return (
    <Row gutter={[12, 12]} className="gg-section">
      {figures.map(([key, label, value]) => (
        <Col key={key} xs={12} sm={8} lg={4}>
          <Card size="small" data-testid={`import-${key}`}>
            <Statistic title={label} value={value ?? '—'} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const isWarning = (e: ImportRowProblem) => e.severity === 'WARNING';

/** The report's row problems of one kind: the refused rows (errors) or the kept ones (warnings), apart. */
function RowProblems({ report, warnings }: { report: ImportReport; warnings: boolean }) {
  const { t } = useTranslation();
  const rows = (report.errors ?? [])
    .filter((e) => isWarning(e) === warnings)
    .slice(0, 20)
    .map((e, i) => ({ key: i, ...e }));
  if (rows.length === 0) return null;
  const total = (warnings ? report.warnings : report.invalid) ?? rows.length;
  return (
    <Table
      className="gg-section"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      data-testid={warnings ? 'import-row-warnings' : 'import-row-errors'}
      caption={t(warnings ? 'imports.warningsCaption' : 'imports.errorsCaption', { shown: rows.length, total })}
      dataSource={rows}
      columns={[
        { title: t('imports.line'), dataIndex: 'line', width: 72 },
        { title: t('imports.column'), dataIndex: 'field', width: 96 },
        { title: t('imports.reason'), dataIndex: 'message' },
      ]}
    />
  );
}

/** "导入 N 人，M 条提示": who is (or would be) imported, and how many notes to read. */
function Summary({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const { t } = useTranslation();
  const values = { people: report.valid ?? 0, warnings: report.warnings ?? 0 };
  return (
    <Alert
      type={dryRun ? 'info' : 'success'}
      showIcon
      role="status"
      className="gg-section"
      data-testid={dryRun ? 'dry-run-summary' : 'import-summary'}
      title={dryRun ? t('imports.dryRunSummary', values) : `${t('imports.finished')} ${t('imports.summary', values)}`}
    />
  );
}

/** The error file lists the refused rows and the warnings: offered when there is either. */
const hasProblems = (r: ImportReport) => (r.invalid ?? 0) + (r.warnings ?? 0) > 0;

/**
 * Census import (leaders and supervisors): choose a CSV or XLSX file, dry-run it to see which
 * rows are good, then import with live progress, and download the refused rows.
 */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [areaId, setAreaId] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [dryJobId, setDryJobId] = useState<string | null>(null);
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const tree = useAreaTree();
  const options = useMemo(() => (tree.data ? importAreas(tree.data, t) : []), [tree.data, t]);
  const submit = useSubmitImport();
  const downloads = useImportDownloads();
  const dryJob = useJob(dryJobId ?? '');
  const importJob = useJob(importJobId ?? '');
  const file = files[0]?.originFileObj;
  const dryDone = dryJobId !== null && isFinished(dryJob.data);
  const importDone = importJobId !== null && isFinished(importJob.data);
  const dryReport = importReport(dryJob.data?.report);
  const finalReport = importReport(importJob.data?.report);
  const current = importDone ? 3 : importJobId ? 2 : dryJobId ? 1 : 0;

  // A finished import changes every count: households, residents, grid cells.
  useEffect(() => {
    if (importDone) void queryClient.invalidateQueries({ predicate: (q) => ['households', 'residents', 'grid-cells'].includes(String(q.queryKey[0])) });
  }, [importDone, queryClient]);

  function reset() {
    setDryJobId(null);
    setImportJobId(null);
    setProblem(null);
  }

  async function start(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    try {
      const id = await submit.mutateAsync({ file, areaId, dryRun });
      if (dryRun) setDryJobId(id);
      else setImportJobId(id);
    } catch (e) {
      setProblem(toProblem(e));
    }
  }

  async function download(what: () => Promise<void>) {
    setProblem(null);
    try {
      await what();
    } catch (e) {
      setProblem(toProblem(e));
    }
  }

  return (
    <section aria-labelledby="imports-title" className="gg-page">
      <Typography.Title level={2} id="imports-title">
        {t('imports.title')}
      </Typography.Title>
      <Steps
        className="gg-section"
        current={current}
        size="small"
        items={[{ title: t('imports.steps.file') }, { title: t('imports.steps.dryRun') }, { title: t('imports.steps.import') }, { title: t('imports.steps.done') }]}
      />
      <Card title={t('imports.fileTitle')} className="gg-section">
        <p className="gg-muted">{t('imports.fileHelp')}</p>
        <Flex vertical gap="middle">
          <Button icon={<DownloadOutlined />} onClick={() => void download(downloads.template)} className="gg-self-start">
            {t('imports.template')}
          </Button>
          <TreeSelect
            size="large"
            allowClear
            aria-label={t('imports.area')}
            placeholder={t('imports.areaPlaceholder')}
            treeData={options}
            loading={tree.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={areaId}
            onChange={(v?: string) => {
              setAreaId(v);
              reset();
            }}
          />
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={files}
            beforeUpload={(f) => {
              // Nothing is sent until the dry run: the file only goes into the list.
              if (!ACCEPTED.test(f.name)) {
                setFileError(t('imports.badType', { name: f.name }));
                return Upload.LIST_IGNORE;
              }
              if (f.size === 0) {
                setFileError(t('imports.empty', { name: f.name }));
                return Upload.LIST_IGNORE;
              }
              if (f.size > MAX_BYTES) {
                setFileError(t('imports.tooBig', { name: f.name }));
                return Upload.LIST_IGNORE;
              }
              setFileError(null);
              return false;
            }}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              reset();
            }}
          >
            <Button size="large" icon={<UploadOutlined />}>
              {t('imports.choose')}
            </Button>
          </Upload>
          {fileError && <Alert type="error" showIcon role="alert" title={fileError} />}
          {problem && <ProblemAlert error={problem} />}
          {!dryJobId && (
            <Button type="primary" size="large" disabled={!file} loading={submit.isPending} onClick={() => void start(true)}>
              {t('imports.dryRun')}
            </Button>
          )}
        </Flex>
      </Card>

      {dryJobId && (
        <Card title={t('imports.dryRunTitle')} className="gg-section" data-testid="dry-run">
          <JobProgress jobId={dryJobId} showReport={false} />
          {dryDone && dryJob.data?.status === 'SUCCEEDED' && (
            <>
              <Summary report={dryReport} dryRun />
              <ReportFigures report={dryReport} dryRun />
              <RowProblems report={dryReport} warnings={false} />
              <RowProblems report={dryReport} warnings />
              <Flex gap="small" wrap className="gg-section">
                {hasProblems(dryReport) && (
                  <Button size="large" icon={<DownloadOutlined />} onClick={() => void download(() => downloads.errors(dryJobId))}>
                    {t('imports.downloadErrors')}
                  </Button>
                )}
                {!importJobId && (
                  <Button type="primary" size="large" disabled={(dryReport.valid ?? 0) === 0} loading={submit.isPending} onClick={() => void start(false)}>
                    {t('imports.start', { count: dryReport.valid ?? 0 })}
                  </Button>
                )}
              </Flex>
            </>
          )}
        </Card>
      )}

      {importJobId && (
        <Card title={t('imports.importTitle')} className="gg-section" data-testid="import-run">
          <JobProgress jobId={importJobId} showReport={false} />
          {importDone && importJob.data?.status === 'SUCCEEDED' && (
            <>
              <Summary report={finalReport} dryRun={false} />
              <ReportFigures report={finalReport} dryRun={false} />
              <RowProblems report={finalReport} warnings />
              <Flex gap="small" wrap>
                {hasProblems(finalReport) && (
                  <Button size="large" icon={<DownloadOutlined />} onClick={() => void download(() => downloads.errors(importJobId))}>
                    {t('imports.downloadErrors')}
                  </Button>
                )}
                <Button
                  size="large"
                  onClick={() => {
                    setFiles([]);
                    reset();
                  }}
                >
                  {t('imports.another')}
                </Button>
              </Flex>
            </>
          )}
        </Card>
      )}
    </section>
  );
}
