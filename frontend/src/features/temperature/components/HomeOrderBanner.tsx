import { Alert, Button, Space, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRecordBreach, type HomeOrder } from '../api/temperature';

interface Props {
  order: HomeOrder;
  checkpointId: string;
}

/**
 * The blocking red banner for a person under an active home order (居家隔离中，不得外出), with the button that
 * records the attempt to go out (the server raises a QUARANTINE_BREACH alert for the cell's leaders).
 */
export function HomeOrderBanner({ order, checkpointId }: Props) {
  const { t } = useTranslation();
  const breach = useRecordBreach(order.orderId, checkpointId);
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      icon={<StopOutlined />}
      className="gg-home-order"
      data-testid="home-order-banner"
      title={<span className="gg-home-order-title">{t('temperature.homeOrder.banner')}</span>}
      description={
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text>
            {t('temperature.homeOrder.detail', {
              kind: t(`temperature.homeOrder.kinds.${order.kind}`, { defaultValue: order.kind }),
              number: order.number,
              endsOn: order.endsOn,
            })}
          </Typography.Text>
          {breach.isSuccess ? (
            <Typography.Text strong data-testid="breach-recorded">
              {t('temperature.homeOrder.recorded')}
            </Typography.Text>
          ) : (
            <Button danger type="primary" size="large" block loading={breach.isPending} onClick={() => breach.mutate()}>
              {t('temperature.homeOrder.record')}
            </Button>
          )}
          {breach.error && <ProblemAlert error={breach.error} />}
        </Space>
      }
    />
  );
}
