import { useState } from 'react';
import { Col, Empty, Row, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { URGENCIES, byUrgency, useNeeds, type Need } from '../api/needs';
import { NeedCard } from './NeedCard';
import { NewNeedModal } from './NewNeedModal';
import { statusText, urgencyText } from './labels';
import '../needs.css';

const FILTERS = ['ACTIVE', 'OPEN', 'ASSIGNED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'CANCELLED'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * 需求: the needs of the caller's cells (workers) or zone and community (leaders, supervisors). Leaders see a board by
 * urgency, urgent first; everyone moves a need on with one tap. A household's page opens the form with ?household=.
 */
export function NeedsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const board = hasAnyRole(roles, ['admin', 'supervisor', 'grid-leader']);
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('ACTIVE');
  const needs = useNeeds(filter === 'ACTIVE' ? {} : { status: filter });
  const shown = (filter === 'ACTIVE' ? needs.items.filter((n) => n.status === 'OPEN' || n.status === 'ASSIGNED' || n.status === 'OUT_FOR_DELIVERY') : needs.items).slice().sort(byUrgency);
  const household = params.get('household');
  return (
    <section className="gg-page gg-needs" aria-labelledby="needs-title">
      <Typography.Title level={2} id="needs-title">
        {t('needs.title')}
      </Typography.Title>
      <Segmented<Filter> value={filter} onChange={setFilter} options={FILTERS.map((f) => ({ value: f, label: f === 'ACTIVE' ? t('needs.active') : statusText(t, f) }))} />
      {needs.error && <ProblemAlert error={needs.error} onRetry={() => void needs.refetch()} />}
      {!needs.isPending && shown.length === 0 && <Empty description={t('needs.empty')} />}
      {board ? (
        <Row gutter={[12, 12]} className="gg-needs-board">
          {URGENCIES.map((u) => (
            <Col key={u} xs={24} md={8}>
              <Typography.Title level={4} className={`gg-needs-column gg-need-urgency-${u}`}>
                {urgencyText(t, u)} · {shown.filter((n) => n.urgency === u).length}
              </Typography.Title>
              <NeedList needs={shown.filter((n) => n.urgency === u)} />
            </Col>
          ))}
        </Row>
      ) : (
        <NeedList needs={shown} />
      )}
      <LoadMoreButton pages={needs} />
      {household && <NewNeedModal householdId={household} onClose={() => setParams({}, { replace: true })} />}
      {!household && (
        <Typography.Paragraph type="secondary" className="gg-needs-hint">
          {t('needs.howToRegister')}
        </Typography.Paragraph>
      )}
    </section>
  );
}

function NeedList({ needs }: { needs: Need[] }) {
  return (
    <div className="gg-need-list">
      {needs.map((n) => (
        <NeedCard key={n.id} need={n} />
      ))}
    </div>
  );
}
