import { useState } from 'react';
import { Button, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { categoryLabel } from '../../../lib/i18n/labels';
import { useCarePlans, useEndPlan, useUncovered, type CarePlan, type Uncovered } from '../api/care';
import { addressOf, missedPlans, planFlag } from '../careRules';
import { todayInZone } from '../zone';
import { conditionText, FLAG_COLOR, flagText } from './labels';
import { CreatePlanModal } from './CreatePlanModal';
import '../care.css';

type Tab = 'plans' | 'uncovered' | 'missed';

/** Who starts, changes and ends plans (admins read them). */
const PLANNERS = ['supervisor', 'grid-leader'] as const;

/** 一对一关怀, the leader's desk: the plans (most urgent first), the vulnerable residents without one, the missed. */
export function CarePlansPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('plans');
  return (
    <section className="gg-page gg-care" aria-labelledby="care-title">
      <Typography.Title level={2} id="care-title">
        {t('care.title')}
      </Typography.Title>
      <Segmented<Tab>
        value={tab}
        onChange={setTab}
        options={(['plans', 'uncovered', 'missed'] as const).map((v) => ({ value: v, label: t(`care.tabs.${v}`) }))}
      />
      {tab === 'uncovered' ? <UncoveredList /> : <PlanList missedOnly={tab === 'missed'} />}
    </section>
  );
}

function PlanList({ missedOnly }: { missedOnly: boolean }) {
  const { t } = useTranslation();
  const plans = useCarePlans({ status: 'ACTIVE' });
  const planner = hasAnyRole(useRoles(), PLANNERS);
  const [ending, setEnding] = useState<CarePlan | null>(null);
  const today = todayInZone();
  const shown = missedOnly ? missedPlans(plans.items) : plans.items;
  return (
    <>
      {plans.error && <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      <List<CarePlan>
        loading={plans.isPending}
        dataSource={shown}
        locale={{ emptyText: t(missedOnly ? 'care.plans.noneMissed' : 'care.plans.empty') }}
        renderItem={(p) => {
          const flag = planFlag(p, today);
          return (
            <List.Item
              key={p.id}
              actions={
                planner
                  ? [
                      <Button key="end" onClick={() => setEnding(p)}>
                        {t('care.end.action')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{p.residentName}</span>
                    {p.categories.map((c) => (
                      <Tag key={c}>{categoryLabel(t, c)}</Tag>
                    ))}
                    <Tag color={FLAG_COLOR[flag]}>{flagText(t, flag)}</Tag>
                    {p.deliveryMissed && <Tag color="volcano">{t('care.plans.deliveryMissed')}</Tag>}
                  </Space>
                }
                description={
                  <span>
                    {p.doorLabel} · {t('care.plans.responsible', { who: p.responsible })} · {t('care.plans.cadence', { visit: p.visitEveryDays, delivery: p.deliveryEveryDays })}
                    <br />
                    {p.lastVisitAt ? t('care.plans.lastVisit', { date: p.lastVisitAt.slice(0, 10), condition: p.lastCondition ? conditionText(t, p.lastCondition) : '' }) : t('care.plans.neverVisited')} ·{' '}
                    {t('care.plans.nextDue', { date: p.nextVisitDue })} · {t('care.plans.nextDelivery', { date: p.nextDeliveryDue })}
                  </span>
                }
              />
            </List.Item>
          );
        }}
      />
      <LoadMoreButton pages={plans} />
      {ending && <EndPlanModal plan={ending} onClose={() => setEnding(null)} />}
    </>
  );
}

function EndPlanModal({ plan, onClose }: { plan: CarePlan; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const end = useEndPlan(plan);
  return (
    <Modal
      open
      title={t('care.end.title', { name: plan.residentName })}
      okButtonProps={{ disabled: !reason.trim() }}
      confirmLoading={end.isPending}
      onOk={() => end.mutate(reason.trim(), { onSuccess: onClose })}
      onCancel={onClose}
    >
      <Input aria-label={t('care.end.reason')} placeholder={t('care.end.reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      {end.error && <ProblemAlert error={end.error} />}
    </Modal>
  );
}

function UncoveredList() {
  const { t } = useTranslation();
  const people = useUncovered();
  const planner = hasAnyRole(useRoles(), PLANNERS);
  const [creating, setCreating] = useState<Uncovered | null>(null);
  return (
    <>
      {people.error && <ProblemAlert error={people.error} onRetry={() => void people.refetch()} />}
      <List<Uncovered>
        loading={people.isPending}
        dataSource={people.items}
        locale={{ emptyText: t('care.uncovered.empty') }}
        renderItem={(u) => (
          <List.Item
            key={u.residentId}
            actions={
              planner
                ? [
                    <Button key="create" type="primary" onClick={() => setCreating(u)}>
                      {t('care.uncovered.create')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{u.name}</span>
                  {u.categories.map((c) => (
                    <Tag key={c}>{categoryLabel(t, c)}</Tag>
                  ))}
                </Space>
              }
              description={`${u.cellName ?? ''} · ${addressOf(u) || '—'} · ${u.phoneMasked ?? ''}`}
            />
          </List.Item>
        )}
      />
      <LoadMoreButton pages={people} />
      {creating && <CreatePlanModal resident={creating} onClose={() => setCreating(null)} />}
    </>
  );
}
