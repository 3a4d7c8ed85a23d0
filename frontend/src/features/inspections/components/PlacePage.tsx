import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePlacePage } from '../api/inspections';
import type { InspectionSummary, PlaceKind } from '../api/types';
import { TaskList } from './TaskList';
import '../inspections.css';

export const RESULT_COLORS = { PASSED: 'green', FAILED: 'red' } as const;

/** A place's page: its open findings and its latest inspections, each opening its detail. */
export function PlacePage() {
  const { t } = useTranslation();
  const { kind, id } = useParams();
  const page = usePlacePage(kind as PlaceKind, id);
  const navigate = useNavigate();
  if (page.error) return <ProblemAlert error={page.error} onRetry={() => void page.refetch()} />;
  const data = page.data;
  return (
    <div className="gg-insp-desk">
      <Typography.Title level={2}>{data?.place.name ?? t('inspections.place.title')}</Typography.Title>
      {data && (
        <Space wrap>
          <Tag>{t(`inspections.placeTypes.${data.place.placeType}`)}</Tag>
          <Typography.Text type="secondary">{data.place.areaName}</Typography.Text>
          <Button type="primary" onClick={() => void navigate(`/inspections/new?placeKind=${data.place.placeKind}&placeId=${data.place.placeId}`)}>
            {t('inspections.place.inspect')}
          </Button>
        </Space>
      )}
      <Card title={t('inspections.place.openTasks', { count: data?.openTasks.length ?? 0 })} loading={page.isPending}>
        <TaskList tasks={data?.openTasks ?? []} showPlace={false} />
      </Card>
      <Card title={t('inspections.place.inspections')} loading={page.isPending}>
        <List<InspectionSummary>
          dataSource={data?.inspections ?? []}
          rowKey="id"
          locale={{ emptyText: t('inspections.place.noInspections') }}
          renderItem={(i) => (
            <List.Item data-testid="inspection-row" data-result={i.result}>
              <Link to={`/inspections/${i.id}`} className="gg-insp-row-link">
                <Space wrap>
                  <Tag color={RESULT_COLORS[i.result]}>{t(`inspections.inspectionResults.${i.result}`)}</Tag>
                  <span>{new Date(i.inspectedAt).toLocaleString()}</span>
                  <span>
                    {i.templateName} v{i.templateVersion}
                  </span>
                  <span>{i.inspector}</span>
                  {i.failedItems > 0 && <Typography.Text type="danger">{t('inspections.summary.failed', { count: i.failedItems })}</Typography.Text>}
                  <RightOutlined aria-hidden />
                </Space>
              </Link>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
