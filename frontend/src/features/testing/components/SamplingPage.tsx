import { Card, Empty, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRounds } from '../api/testing';
import { MissingList } from './MissingList';
import { SampleTab } from './SampleTab';
import { TaskList } from './TaskList';
import '../testing.css';

const roundKey = (sub: string | undefined) => `gg.sampling.round.${sub ?? 'anonymous'}`;
type Tab = 'sample' | 'missing' | 'tasks';

/**
 * A worker's nucleic-acid day: the round being sampled (remembered on the device), then sampling
 * into pools, the people of their cells still missing, and their door-to-door and re-test tasks.
 */
export function SamplingPage() {
  const { t } = useTranslation();
  const sub = useAuth().user?.profile.sub;
  const rounds = useRounds('SAMPLING');
  const [params, setParams] = useSearchParams();
  const list = rounds.data ?? [];
  const saved = params.get('round') ?? window.localStorage.getItem(roundKey(sub)) ?? undefined;
  const round = list.find((r) => r.id === saved) ?? (list.length === 1 ? list[0] : undefined);
  const tab = (params.get('tab') as Tab | null) ?? 'sample';

  const pick = (id: string) => {
    window.localStorage.setItem(roundKey(sub), id);
    setParams((p) => {
      p.set('round', id);
      return p;
    });
  };

  return (
    <div className="gg-sampling">
      <Typography.Title level={2}>{t('testing.sampling.title')}</Typography.Title>
      {rounds.error && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      <Select
        size="large"
        className="gg-round-pick"
        aria-label={t('testing.sampling.round')}
        placeholder={t('testing.sampling.pickRound')}
        loading={rounds.isPending}
        value={round?.id}
        onChange={pick}
        options={list.map((r) => ({ value: r.id, label: `${r.name} · ${r.roundDate}` }))}
      />
      {!rounds.isPending && list.length === 0 && (
        <Card>
          <Empty description={t('testing.sampling.noRound')} />
        </Card>
      )}
      {round && (
        <Tabs
          activeKey={tab}
          onChange={(k) =>
            setParams((p) => {
              p.set('tab', k);
              p.set('round', round.id);
              return p;
            })
          }
          items={[
            { key: 'sample', label: t('testing.sampling.tabSample'), children: <SampleTab round={round} /> },
            { key: 'tasks', label: t('testing.sampling.tabTasks'), children: <TaskList roundId={round.id} /> },
            { key: 'missing', label: t('testing.sampling.tabMissing'), children: <MissingList roundId={round.id} /> },
          ]}
        />
      )}
    </div>
  );
}
