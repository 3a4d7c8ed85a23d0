import { useState } from 'react';
import { Button, List, Segmented, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCarePlans, type CarePlan } from '../api/care';
import { planFlag } from '../careRules';
import { todayInZone } from '../zone';
import { conditionText, FLAG_COLOR, flagText } from './labels';
import { VisitForm } from './VisitForm';
import '../care.css';

type Scope = 'mine' | 'cells';

/** 关怀, the worker's phone screen: the care visits due today (overdue first), one tap to record one. */
export function CareVisitsPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('mine');
  const [visiting, setVisiting] = useState<CarePlan | null>(null);
  const [done, setDone] = useState(0);
  const plans = useCarePlans({ status: 'ACTIVE', due: true, mine: scope === 'mine' });
  const today = todayInZone();
  if (visiting) {
    return (
      <section className="gg-page gg-care" aria-label={t('care.visit.title')}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => setVisiting(null)}>
          {t('care.visit.back')}
        </Button>
        <VisitForm
          plan={visiting}
          onDone={() => {
            setVisiting(null);
            setDone((n) => n + 1);
          }}
        />
      </section>
    );
  }
  return (
    <section className="gg-page gg-care" aria-labelledby="care-visits-title">
      <Typography.Title level={2} id="care-visits-title">
        {t('care.visits.title')}
      </Typography.Title>
      <Segmented<Scope> block value={scope} onChange={setScope} options={[{ value: 'mine', label: t('care.visits.mine') }, { value: 'cells', label: t('care.visits.cells') }]} />
      {done > 0 && <Typography.Text type="success">{t('care.visits.recorded', { count: done })}</Typography.Text>}
      {plans.error && <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      <List<CarePlan>
        className="gg-care-list"
        loading={plans.isPending}
        dataSource={plans.items}
        locale={{ emptyText: t('care.visits.empty') }}
        renderItem={(p) => {
          const flag = planFlag(p, today);
          return (
            <List.Item key={p.id}>
              <button type="button" className="gg-care-pick" data-flag={flag} onClick={() => setVisiting(p)}>
                <span className="gg-care-line">
                  <span className="gg-care-name">{p.residentName}</span>
                  <Tag color={FLAG_COLOR[flag]}>{flagText(t, flag)}</Tag>
                </span>
                <span className="gg-care-sub">
                  {p.doorLabel} · {p.phoneMasked ?? ''}
                </span>
                <span className="gg-care-sub">
                  {p.lastVisitAt ? t('care.plans.lastVisit', { date: p.lastVisitAt.slice(0, 10), condition: p.lastCondition ? conditionText(t, p.lastCondition) : '' }) : t('care.plans.neverVisited')}
                </span>
              </button>
            </List.Item>
          );
        }}
      />
      <LoadMoreButton pages={plans} />
    </section>
  );
}
