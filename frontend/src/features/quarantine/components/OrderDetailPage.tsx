import { useState } from 'react';
import { App, Button, Card, Descriptions, Skeleton, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { FilePdfOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { toProblem } from '../../../lib/api/problem';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { docTypeLabel } from '../../../lib/i18n/labels';
import { downloadNotice, useOrder, useOrderEvents, type Order } from '../api/quarantine';
import '../quarantine.css';
import { ChainView } from './ChainView';
import { kindText, reasonText, statusText } from './labels';
import { MoveModal, type MoveKind } from './MoveModal';
import { StatusTag } from './StatusTag';
import { ORDER_EDITORS } from './OrdersPage';

/** Who may print the release notice (the API audits each download). */
const PRINTERS = ['supervisor', 'grid-leader', 'grid-worker'] as const;

const at = (v: string | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');

/** One order: the person as the caller may see them, its moves, history, chain and release notice. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const roles = useRoles();
  const order = useOrder(id);
  const events = useOrderEvents(id);
  const [moving, setMoving] = useState<MoveKind | null>(null);
  const o = order.data;

  return (
    <section className="gg-page gg-quarantine" aria-labelledby="order-title">
      <Link to="/quarantines" className="gg-back">
        ← {t('quarantineDesk.back')}
      </Link>
      {order.error ? (
        <ProblemAlert error={order.error} onRetry={() => void order.refetch()} />
      ) : !o ? (
        <Skeleton active />
      ) : (
        <>
          <Space className="gg-page-head" wrap>
            <Typography.Title level={2} id="order-title">
              {o.number} · {o.person.name}
            </Typography.Title>
            <StatusTag status={o.status} />
          </Space>
          {o.status === 'ACTIVE' && hasAnyRole(roles, ORDER_EDITORS) && (
            <Space wrap className="gg-q-actions">
              {(['extend', 'release', 'transfer'] as const).map((k) => (
                <Button key={k} type={k === 'release' ? 'primary' : 'default'} onClick={() => setMoving(k)}>
                  {t(`quarantineDesk.moves.${k}`)}
                </Button>
              ))}
            </Space>
          )}
          {o.status === 'RELEASED' && hasAnyRole(roles, PRINTERS) && <NoticeBox order={o} />}
          <Card>
            <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={details(o, t)} />
          </Card>
          <Card title={t('quarantineDesk.history')}>
            {events.error && <ProblemAlert error={events.error} onRetry={() => void events.refetch()} />}
            <Timeline
              items={(events.data ?? []).map((e, i) => ({
                key: i,
                children: (
                  <span>
                    <strong>{t(`quarantineDesk.actions.${e.action}`)}</strong> · {statusText(t, e.toStatus)} · {e.actor} · {at(e.at)}
                    {e.reason ? ` · ${e.reason}` : ''}
                  </span>
                ),
              }))}
            />
          </Card>
          <ChainView orderId={o.id} />
          {moving && <MoveModal order={o} kind={moving} onClose={() => setMoving(null)} />}
        </>
      )}
    </section>
  );
}

function details(o: Order, t: TFunction): DescriptionsProps['items'] {
  const p = o.person;
  return [
    { key: 'person', label: t('quarantineDesk.order.person'), children: p.resident && p.residentId ? <Link to={`/residents/${p.residentId}`}>{p.name}</Link> : p.name },
    { key: 'doc', label: t('quarantineDesk.person.documentNumber'), children: `${docTypeLabel(t, p.documentType)} ${p.documentNumberMasked ?? ''}`.trim() || '—' },
    { key: 'phone', label: t('quarantineDesk.person.phone'), children: p.phoneMasked ?? '—' },
    { key: 'kind', label: t('quarantineDesk.order.kind'), children: kindText(t, o.kind) },
    { key: 'reason', label: t('quarantineDesk.order.reason'), children: `${reasonText(t, o.reason)}${o.reasonPlace ? ` · ${o.reasonPlace}` : ''}` },
    { key: 'dates', label: t('quarantineDesk.order.dates'), children: `${o.startsOn} – ${o.endsOn}` },
    { key: 'cell', label: t('quarantineDesk.order.cell'), children: o.cellName ?? '—' },
    { key: 'site', label: t('quarantineDesk.order.site'), children: o.siteName ?? '—' },
    { key: 'source', label: t('quarantineDesk.order.sourceCaseRef'), children: o.sourceCaseRef ?? '—' },
    { key: 'released', label: t('quarantineDesk.order.releasedAt'), children: o.releasedAt ? `${at(o.releasedAt)} · ${o.releaseReason ?? ''}` : '—' },
    { key: 'note', label: t('quarantineDesk.order.note'), children: o.note ?? '—' },
  ];
}

/** The release notice: the PDF download, and its number and check code (what the QR code carries). */
function NoticeBox({ order }: { order: Order }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadNotice(client, order);
    } catch (e) {
      void message.error(toProblem(e).detail ?? toProblem(e).title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className="gg-q-notice" title={t('quarantineDesk.notice.title')}>
      <Space wrap>
        <Button type="primary" icon={<FilePdfOutlined />} loading={busy} onClick={() => void download()}>
          {t('quarantineDesk.notice.download')}
        </Button>
        {order.noticeCode && (
          <span data-testid="notice-code">
            {t('quarantineDesk.notice.code')}: <Typography.Text code copyable>{order.noticeCode}</Typography.Text>{' '}
            <Link to={`/verify?number=${encodeURIComponent(order.number)}&code=${encodeURIComponent(order.noticeCode)}`}>{t('quarantineDesk.notice.check')}</Link>
          </span>
        )}
      </Space>
    </Card>
  );
}
