import { useState } from 'react';
import { Alert, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useRoles, type Role } from '../../../lib/auth/roles';
import { useQueueSnapshot } from '../../../lib/offline';
import { useRoundQueue } from '../api/disinfection';
import { dayInZone } from '../roundRules';
import { RoundForm, type RoundPreset } from './RoundForm';
import { RoundsTab } from './RoundsTab';
import { SchedulesTab } from './SchedulesTab';
import { SlotsTab } from './SlotsTab';
import '../disinfection.css';

/** Who records rounds, and who manages schedules (the API checks again). */
const RECORDERS: readonly Role[] = ['supervisor', 'grid-leader', 'grid-worker'];
const PLANNERS: readonly Role[] = ['supervisor', 'grid-leader'];

/** 消杀: today's slots per place, the records, the schedules; the record form for the phone. */
export function DisinfectionPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const canRecord = hasAnyRole(roles, RECORDERS);
  const queue = useRoundQueue();
  const { waiting, attention } = useQueueSnapshot(queue);
  const [day, setDay] = useState(() => dayInZone());
  const [preset, setPreset] = useState<RoundPreset | undefined>();
  return (
    <div className="gg-disinfection">
      <Space className="gg-disinfection-head" wrap>
        <Typography.Title level={3}>{t('disinfection.title')}</Typography.Title>
        {canRecord && (
          <Button type="primary" size="large" onClick={() => setPreset({})}>
            {t('disinfection.record')}
          </Button>
        )}
      </Space>
      {waiting.length > 0 && <Alert type="info" showIcon title={t('disinfection.queue.waiting', { count: waiting.length })} />}
      {attention.map((e) => (
        <Alert
          key={e.id}
          type="error"
          showIcon
          title={`${e.meta?.placeName ?? ''} ${(e.reasons ?? []).map((r) => r.message).join('；')}`}
          action={
            <Popconfirm title={t('disinfection.queue.discardConfirm')} onConfirm={() => void queue?.discard(e.id)}>
              <Button danger size="small">
                {t('disinfection.queue.discard')}
              </Button>
            </Popconfirm>
          }
        />
      ))}
      <Tabs
        items={[
          { key: 'today', label: t('disinfection.tabs.today'), children: <SlotsTab day={day} onDay={setDay} onRecord={canRecord ? setPreset : undefined} /> },
          { key: 'rounds', label: t('disinfection.tabs.rounds'), children: <RoundsTab /> },
          { key: 'schedules', label: t('disinfection.tabs.schedules'), children: <SchedulesTab canManage={hasAnyRole(roles, PLANNERS)} /> },
        ]}
      />
      {preset && <RoundForm open preset={preset} queue={queue} onClose={() => setPreset(undefined)} />}
    </div>
  );
}
