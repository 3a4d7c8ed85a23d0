import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useConfirmInspection, useInspection, useSignatureUrl } from '../api/inspections';
import type { InspectionView } from '../api/types';
import { RESULT_COLORS } from './PlacePage';
import { TaskList } from './TaskList';
import '../inspections.css';

type Answer = InspectionView['answers'][number];
const ANSWER_COLORS = { PASS: 'green', FAIL: 'red', NA: 'default' } as const;

/** The responsible person named on the inspection confirms it from their own login. */
function Confirm({ view }: { view: InspectionView }) {
  const { t } = useTranslation();
  const me = useAuth().user?.profile.preferred_username;
  const confirm = useConfirmInspection(view.id);
  if (view.confirmedAt) {
    return <Alert type="success" showIcon title={t('inspections.detail.confirmed', { by: view.confirmedBy ?? '', at: new Date(view.confirmedAt).toLocaleString() })} />;
  }
  if (!view.responsibleUser || view.responsibleUser !== me) return null;
  return (
    <Space orientation="vertical">
      {confirm.error && <ProblemAlert error={confirm.error} />}
      <Button type="primary" size="large" loading={confirm.isPending} onClick={() => confirm.mutate()}>
        {t('inspections.detail.confirm')}
      </Button>
    </Space>
  );
}

/** One inspection: every answer, the findings it opened and closed, the drawn signature, and 确认. */
export function InspectionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const inspection = useInspection(id);
  const view = inspection.data;
  const signature = useSignatureUrl(id, !!view?.signature);
  if (inspection.error) return <ProblemAlert error={inspection.error} onRetry={() => void inspection.refetch()} />;
  if (!view) return <Card loading />;
  return (
    <div className="gg-insp-desk">
      <Typography.Title level={2}>
        <Link to={`/inspection-places/${view.placeKind}/${view.placeId}`}>{view.placeName}</Link>
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'result', label: t('inspections.detail.result'), children: <Tag color={RESULT_COLORS[view.result]} data-testid="detail-result">{t(`inspections.inspectionResults.${view.result}`)}</Tag> },
          { key: 'template', label: t('inspections.detail.template'), children: `${view.templateName} v${view.templateVersion}` },
          { key: 'inspector', label: t('inspections.detail.inspector'), children: view.inspector },
          { key: 'at', label: t('inspections.detail.at'), children: new Date(view.inspectedAt).toLocaleString() },
          { key: 'signedBy', label: t('inspections.detail.signedBy'), children: view.signedBy ? `${view.signedBy.name} · ${view.signedBy.phoneMasked}` : '—' },
          { key: 'responsibleUser', label: t('inspections.detail.responsibleUser'), children: view.responsibleUser ?? '—' },
        ]}
      />
      <Confirm view={view} />
      <Table<Answer>
        size="small"
        pagination={false}
        rowKey="itemId"
        dataSource={view.answers}
        scroll={{ x: true }}
        columns={[
          { key: 'text', title: t('inspections.detail.item'), dataIndex: 'text' },
          { key: 'severity', title: t('inspections.detail.severity'), render: (_, a) => t(`inspections.severity.${a.severity}`) },
          { key: 'result', title: t('inspections.detail.answer'), render: (_, a) => <Tag color={ANSWER_COLORS[a.result]}>{t(`inspections.results.${a.result}`)}</Tag> },
          { key: 'reason', title: t('inspections.item.reason'), render: (_, a) => a.reason ?? '' },
          { key: 'responsible', title: t('inspections.item.responsible'), render: (_, a) => a.responsibleName ?? '' },
        ]}
      />
      {view.tasksOpened.length > 0 && (
        <Card title={t('inspections.detail.tasksOpened', { count: view.tasksOpened.length })}>
          <TaskList tasks={view.tasksOpened} showPlace={false} />
        </Card>
      )}
      {view.tasksClosed.length > 0 && (
        <Card title={t('inspections.detail.tasksClosed', { count: view.tasksClosed.length })}>
          <TaskList tasks={view.tasksClosed} showPlace={false} />
        </Card>
      )}
      {view.signature && (
        <Card title={t('inspections.detail.signature')}>
          {signature.error && <ProblemAlert error={signature.error} />}
          {signature.url && <img className="gg-insp-signature-img" src={signature.url} alt={t('inspections.detail.signatureAlt', { name: view.signedBy?.name ?? '' })} data-testid="signature-image" />}
        </Card>
      )}
    </div>
  );
}
