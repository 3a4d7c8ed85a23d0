import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Input, List, Row, Select, Skeleton, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { categoryLabel, householdStatusLabel } from '../../../lib/i18n/labels';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { CATEGORIES, HOUSEHOLD_STATUSES, useHouseholds, type Category, type HouseholdStatus } from '../api/households';
import { areaOptions } from './areaOptions';


const isCategory = (v: string | null): v is Category => v !== null && (CATEGORIES as readonly string[]).includes(v);
const isStatus = (v: string | null): v is HouseholdStatus => v !== null && (HOUSEHOLD_STATUSES as readonly string[]).includes(v);

/**
 * Households in the caller's jurisdiction. Area (grid cell, compound or building), category,
 * status and door number filter on the server and live in the URL (grid cells link here).
 */
export function HouseholdListPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const areaId = params.get('areaId') ?? undefined;
  const category = params.get('category');
  const status = params.get('status');
  const doorParam = params.get('door') ?? '';
  const [door, setDoor] = useState(doorParam);
  const tree = useAreaTree();
  const options = useMemo(() => (tree.data ? areaOptions(tree.data, t) : []), [tree.data, t]);
  const pages = useHouseholds({
    areaId,
    category: isCategory(category) ? category : undefined,
    status: isStatus(status) ? status : undefined,
    door: doorParam || undefined,
  });
  const { data, error, isPending, refetch } = pages;
  const households = data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const canCreate = hasAnyRole(roles, ['supervisor', 'grid-leader', 'grid-worker']);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="households-title" className="gg-page">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={2} id="households-title">
            {t('households.title')}
          </Typography.Title>
        </Col>
        {canCreate && (
          <Col>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => void navigate(areaId ? `/households/new?areaId=${areaId}` : '/households/new')}>
              {t('households.add')}
            </Button>
          </Col>
        )}
      </Row>
      <Row gutter={[8, 8]} className="gg-section">
        <Col xs={24} md={8}>
          <Input.Search
            size="large"
            allowClear
            aria-label={t('households.searchDoor')}
            placeholder={t('households.searchDoor')}
            value={door}
            onSearch={(v) => setParam('door', v.trim() || undefined)}
            onChange={(e) => {
              setDoor(e.target.value);
              if (!e.target.value) setParam('door', undefined);
            }}
          />
        </Col>
        <Col xs={24} md={8}>
          <TreeSelect
            size="large"
            className="gg-full"
            allowClear
            aria-label={t('households.filterArea')}
            placeholder={t('households.filterArea')}
            treeData={options}
            loading={tree.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={areaId}
            onChange={(v?: string) => setParam('areaId', v)}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            size="large"
            className="gg-full"
            allowClear
            aria-label={t('households.filterCategory')}
            placeholder={t('households.filterCategory')}
            value={isCategory(category) ? category : undefined}
            onChange={(v?: string) => setParam('category', v)}
            options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            size="large"
            className="gg-full"
            allowClear
            aria-label={t('households.filterStatus')}
            placeholder={t('households.filterStatus')}
            value={isStatus(status) ? status : undefined}
            onChange={(v?: string) => setParam('status', v)}
            options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))}
          />
        </Col>
      </Row>
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : households.length === 0 ? (
        <Empty description={t('households.empty')} />
      ) : (
        <List
          data-testid="household-list"
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}
          dataSource={households}
          rowKey={(h) => h.id ?? ''}
          renderItem={(h) => (
            <List.Item>
              <Link to={`/households/${h.id}`} className="gg-card-link" data-testid="household-item">
                <Card hoverable size="small" title={<span className="gg-door">{h.doorNumber}</span>} extra={h.status && <Tag className={`gg-status gg-status-${h.status}`}>{householdStatusLabel(t, h.status)}</Tag>}>
                  <p>
                    {t('households.livingCount')} {h.livingCount ?? 0} · {t('households.tenantCount')} {h.tenantCount ?? 0}
                  </p>
                  <p className="gg-muted">
                    {h.contactName ? `${t('households.contactName')} ${h.contactName} · ` : ''}
                    {t('households.lastVerifiedOn')} {h.lastVerifiedOn ?? t('households.never')}
                  </p>
                </Card>
              </Link>
            </List.Item>
          )}
        />
      )}
      {!error && <LoadMoreButton pages={pages} />}
    </section>
  );
}
