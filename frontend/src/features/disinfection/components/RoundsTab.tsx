import { useState } from 'react';
import { Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRounds, type Round, type RoundFilter } from '../api/disinfection';
import { PlacePicker, splitPlace } from './PlacePicker';

/** The records, newest first, filtered by place and business days. */
export function RoundsTab() {
  const { t, i18n } = useTranslation();
  const [place, setPlace] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: RoundFilter = { ...(place ? splitPlace(place) : {}), from: from || undefined, to: to || undefined };
  const rounds = useRounds(filter);
  const when = new Intl.DateTimeFormat(i18n.language, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <Space wrap className="gg-disinfection-filters">
        <div style={{ minWidth: 240 }}>
          <PlacePicker value={place} onChange={(v) => setPlace(v)} allowClear size="middle" />
        </div>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('disinfection.from')} />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('disinfection.to')} />
      </Space>
      {rounds.error && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      <Table<Round>
        rowKey="id"
        size="small"
        loading={rounds.isLoading}
        dataSource={rounds.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('disinfection.columns.doneAt'), dataIndex: 'doneAt', key: 'doneAt', render: (v: string) => when.format(new Date(v)) },
          { title: t('disinfection.columns.place'), dataIndex: 'placeName', key: 'place' },
          { title: t('disinfection.columns.areaM2'), dataIndex: 'areaM2', key: 'areaM2', align: 'right' },
          { title: t('disinfection.columns.agent'), dataIndex: 'agent', key: 'agent' },
          { title: t('disinfection.columns.concentration'), dataIndex: 'concentrationMgL', key: 'concentration', align: 'right' },
          { title: t('disinfection.columns.recordedBy'), dataIndex: 'recordedBy', key: 'recordedBy' },
          { title: t('disinfection.columns.note'), dataIndex: 'note', key: 'note' },
        ]}
      />
      <LoadMoreButton pages={rounds} />
    </>
  );
}
