import { Button, Skeleton, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRunSheet } from '../api/delivery';
import { doorLabel, inDoorOrder } from '../api/doorOrder';
import { RunHead } from './RunSheetPage';
import '../delivery.css';

/** The run sheet on paper: one row per door in order, with a column to sign; the print CSS hides the app around it. */
export function RunPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const sheet = useRunSheet(id);
  if (sheet.isPending) return <Skeleton active />;
  if (sheet.error) return <ProblemAlert error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { run, stops } = sheet.data;
  return (
    <div className="gg-print">
      <Space className="gg-no-print">
        <Link to={`/delivery/${run.id}`}>{t('delivery.back')}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('delivery.print')}
        </Button>
      </Space>
      <RunHead run={run} />
      <table className="gg-print-table">
        <caption className="gg-no-print">{t('delivery.sheet')}</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('delivery.door')}</th>
            <th>{t('delivery.contact')}</th>
            <th>{t('delivery.phone')}</th>
            <th>{t('delivery.need')}</th>
            <th>{t('delivery.outcome')}</th>
            <th className="gg-print-sign">{t('delivery.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {inDoorOrder(stops).map((s, i) => (
            <tr key={s.needId}>
              <td>{i + 1}</td>
              <td>{doorLabel(s)}</td>
              <td>{s.contactName}</td>
              <td>{s.phoneMasked}</td>
              <td>
                {t(`delivery.kinds.${s.kind}`)}
                {s.medicineName && ` ${s.medicineName} ${s.medicineQuantity ?? ''}`}
                {s.detail && ` · ${s.detail}`}
              </td>
              <td>{s.drop ? `${t(`delivery.outcomes.${s.drop.outcome}`)} ${s.drop.receivedBy ?? ''}` : ''}</td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
