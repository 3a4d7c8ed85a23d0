import { Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, ShoppingOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ChangeHistory } from '../../../components/ChangeHistory';
import { PagedList } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { findNode, useAreaTree } from '../../../lib/api/areaTree';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { categoryLabel, householdStatusLabel, residentStatusLabel, verificationMethodLabel } from '../../../lib/i18n/labels';
import { useHousehold, useHouseholdHistory, useHouseholdResidents, useVerifications } from '../api/households';
import { VerificationForm } from './VerificationForm';

function Residents({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const pages = useHouseholdResidents(householdId);
  const { data, error, isPending, refetch } = pages;
  const items = data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Card title={t('households.residents')} className="gg-section">
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('households.noResidents')} />
      ) : (
        <>
          <PagedList
            pages={pages}
            data-testid="resident-list"
            dataSource={items}
            rowKey={(r) => r.id ?? ''}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/residents/${r.id}`} className="gg-row-link" data-testid="resident-item">
                  <span className="gg-resident-name">{r.name}</span>
                  {r.relation && <span className="gg-muted"> · {r.relation}</span>}
                  {r.status && r.status !== 'LIVING' && <Tag className="gg-tag-gap">{residentStatusLabel(t, r.status)}</Tag>}
                  <br />
                  <span className="gg-code" data-testid="resident-id-masked">
                    {r.idNumber}
                  </span>
                  <span className="gg-tags">
                    {(r.categories ?? []).map((c) => (
                      <Tag key={c}>{categoryLabel(t, c)}</Tag>
                    ))}
                  </span>
                </Link>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

function Verifications({ householdId, canVerify }: { householdId: string; canVerify: boolean }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useVerifications(householdId);
  return (
    <Card title={t('verifications.title')} className="gg-section">
      {canVerify && <VerificationForm householdId={householdId} />}
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : !data || data.length === 0 ? (
        <Empty description={t('verifications.empty')} />
      ) : (
        <List
          className="gg-section"
          dataSource={data}
          rowKey={(v) => v.id ?? ''}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {v.verifiedOn} · {verificationMethodLabel(t, v.method)} · <span className="gg-muted">{v.verifiedBy}</span>
                  </span>
                }
                description={v.findings}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One household: its figures, its residents (masked), its verification rounds and its history. */
export function HouseholdDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const roles = useRoles();
  const canEdit = hasAnyRole(roles, ['supervisor', 'grid-leader', 'grid-worker']);
  const { data: h, error, isPending, refetch } = useHousehold(id);
  const history = useHouseholdHistory(id);
  const tree = useAreaTree();
  const placeName = (nodeId: string | undefined) => (nodeId && tree.data ? findNode(tree.data, nodeId)?.name : undefined);

  return (
    <section aria-labelledby="household-title" className="gg-page">
      <Link to="/households" className="gg-back">
        ← {t('households.back')}
      </Link>
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Row justify="space-between" align="middle" gutter={[8, 8]}>
            <Col>
              <Typography.Title level={2} id="household-title">
                {t('households.doorNumber')} {h.doorNumber}
              </Typography.Title>
            </Col>
            <Col>
              <Button size="large" icon={<ShoppingOutlined />} onClick={() => void navigate(`/needs?household=${id}`)}>
                {t('needs.register')}
              </Button>
            </Col>
            {canEdit && (
              <Col>
                <Button size="large" icon={<EditOutlined />} onClick={() => void navigate(`/households/${id}/edit`)}>
                  {t('common.edit')}
                </Button>
              </Col>
            )}
          </Row>
          <Card>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'status', label: t('households.status'), children: householdStatusLabel(t, h.status) },
                {
                  key: 'cell',
                  label: t('households.gridCell'),
                  children: h.gridCellId ? <Link to={`/grid-cells/${h.gridCellId}`}>{placeName(h.gridCellId) ?? t('households.gridCell')}</Link> : '—',
                },
                { key: 'place', label: t('households.place'), children: [placeName(h.compoundId), placeName(h.buildingId)].filter(Boolean).join(' ') || '—' },
                { key: 'living', label: t('households.livingCount'), children: h.livingCount ?? 0 },
                { key: 'tenants', label: t('households.tenantCount'), children: h.tenantCount ?? 0 },
                { key: 'contact', label: t('households.contactName'), children: h.contactName || '—' },
                { key: 'verified', label: t('households.lastVerifiedOn'), children: h.lastVerifiedOn ?? t('households.never') },
                { key: 'notes', label: t('households.notes'), children: h.notes || '—' },
              ]}
            />
          </Card>
          <Row gutter={[12, 0]}>
            <Col xs={24} lg={12}>
              <Residents householdId={id} />
            </Col>
            <Col xs={24} lg={12}>
              <Verifications householdId={id} canVerify={canEdit} />
            </Col>
          </Row>
          <ChangeHistory items={history.data} error={history.error} isPending={history.isPending} onRetry={() => void history.refetch()} />
        </>
      )}
    </section>
  );
}
