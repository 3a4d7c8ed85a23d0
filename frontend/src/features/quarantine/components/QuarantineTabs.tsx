import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The desk's sections: orders, the bureau's unmatched people, figures. */
export function QuarantineTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    { key: '/quarantines', label: t('quarantineDesk.tabs.orders') },
    { key: '/quarantines/worklist', label: t('quarantineDesk.tabs.worklist') },
    { key: '/quarantines/stats', label: t('quarantineDesk.tabs.stats') },
  ];
  return <Tabs activeKey={items.find((i) => i.key === pathname)?.key ?? '/quarantines'} items={items} onChange={(k) => void navigate(k)} />;
}
