import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { useRounds, type Round, type RoundStatus } from '../api/testing';
import '../testing.css';

export const STATUS_COLOR: Record<RoundStatus, string> = { PLANNED: 'default', SAMPLING: 'processing', CLOSED: 'success' };

/** The rounds in the caller's jurisdiction, newest first; supervisors open new ones. */
export function RoundsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const rounds = useRounds();
  return (
    <div className="gg-rounds">
      <Space className="gg-page-head" wrap>
        <Typography.Title level={2}>{t('testing.rounds.title')}</Typography.Title>
        {hasAnyRole(roles, ['supervisor']) && (
          <Link to="/rounds/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('testing.rounds.new')}
            </Button>
          </Link>
        )}
      </Space>
      {rounds.error && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      <Table<Round>
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('testing.round.name'), dataIndex: 'name', render: (_, r) => <Link to={`/rounds/${r.id}`}>{r.name}</Link> },
          { title: t('testing.round.date'), dataIndex: 'roundDate' },
          { title: t('testing.round.status'), dataIndex: 'status', render: (s: RoundStatus) => <Tag color={STATUS_COLOR[s]}>{t(`testing.status.${s}`)}</Tag> },
          { title: t('testing.round.scope'), render: (_, r) => r.scope.map((s) => s.name).join('、'), responsive: ['md'] },
          { title: t('testing.round.poolSize'), dataIndex: 'poolSize', responsive: ['md'] },
        ]}
      />
    </div>
  );
}
