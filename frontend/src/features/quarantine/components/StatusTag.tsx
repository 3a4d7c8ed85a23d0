import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api/quarantine';
import { statusText } from './labels';
import '../quarantine.css';

/**
 * An order's status as a tag, in colours that keep 4.5:1 contrast (quarantine.css): antd's preset green does not,
 * and axe flagged 已解除 on the order's page.
 */
export function StatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag className={`gg-q-status gg-q-status-${status}`}>{statusText(t, status)}</Tag>;
}
