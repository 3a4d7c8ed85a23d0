import { Button, Checkbox, Segmented, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AlertInbox } from '../../../components/alerts/AlertInbox';
import { kindLabel, useAlertKinds } from '../../../components/alerts/alerts';
import { useLanguage } from '../../../lib/i18n/language';

/** A kind's code, or 'ALL'. */
type KindFilter = string;

/** Leaders' inbox of every alert kind in their jurisdiction (/alerts?kind=FEVER&id=…). */
export function AlertInboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: kinds } = useAlertKinds();
  const { language } = useLanguage();
  const kindParam = params.get('kind');
  // a kind in the address is taken while the kinds load; one the server does not know falls back to all
  const kind: KindFilter = !kindParam ? 'ALL' : !kinds || kinds.some((k) => k.kind === kindParam) ? kindParam : 'ALL';
  const includeClosed = params.get('closed') === '1';
  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('alerts.title')}
        </Typography.Title>
        <Button size="large" onClick={() => void navigate('/watch-reports')}>
          {t('temperature.watch.toWatch')}
        </Button>
      </Space>
      <Segmented<KindFilter>
        size="large"
        value={kind}
        onChange={(k) => set('kind', k === 'ALL' ? undefined : k)}
        options={[
          { value: 'ALL', label: t('alerts.kinds.ALL') },
          ...(kinds ?? []).map((k) => ({ value: k.kind, label: kindLabel(kinds, k.kind, language) })),
        ]}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <Checkbox checked={includeClosed} onChange={(e) => set('closed', e.target.checked ? '1' : undefined)}>
        {t('alerts.showClosed')}
      </Checkbox>
      <AlertInbox kind={kind === 'ALL' ? undefined : kind} includeClosed={includeClosed} highlightId={params.get('id') ?? undefined} />
    </Space>
  );
}
