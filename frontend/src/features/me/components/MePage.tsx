import { Card, Descriptions, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { kindLabel, principalTypeLabel, roleLabel } from '../../../lib/i18n/labels';
import { useMe } from '../../../lib/api/me';

/** Who the caller is to the API: roles and the area nodes they are assigned to. */
export function MePage() {
  const { t } = useTranslation();
  const { data: me, error, isPending, refetch } = useMe();

  return (
    <section aria-labelledby="me-title" className="gg-page">
      <Typography.Title level={2} id="me-title">
        {t('me.title')}
      </Typography.Title>
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Card>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('me.username'), children: <span data-testid="me-username">{me.username}</span> },
                { key: 'type', label: t('me.principalType'), children: principalTypeLabel(t, me.principalType) },
                {
                  key: 'roles',
                  label: t('me.roles'),
                  children: (
                    <span data-testid="me-roles">
                      {(me.roles ?? []).map((r) => (
                        <Tag key={r} color="blue" data-role={r}>
                          {roleLabel(t, r) === r ? r : `${roleLabel(t, r)} (${r})`}
                        </Tag>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('me.jurisdiction')} className="gg-section">
            {!me.jurisdiction?.length ? (
              <Empty description={t('me.noJurisdiction')} />
            ) : (
              <List
                dataSource={me.jurisdiction}
                rowKey={(j) => j.assignmentId ?? j.nodeId ?? ''}
                renderItem={(j) => (
                  <List.Item>
                    <List.Item.Meta
                      title={j.name}
                      description={
                        <>
                          <Tag>{kindLabel(t, j.kind)}</Tag>
                          <span className="gg-code">{j.code}</span> · {roleLabel(t, j.role)}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      )}
    </section>
  );
}
