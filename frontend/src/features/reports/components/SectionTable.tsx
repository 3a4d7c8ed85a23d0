import { Card, Table } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language';
import type { DailyReportFigure, DailyReportSection } from '../api/types';
import { changeText, formatFigure, labelIn, titleIn, trendOf } from '../model';

/** How a figure moved since the day before: an arrow (named for screen readers) and the difference. */
function Change({ figure }: { figure: DailyReportFigure }) {
  const { t } = useTranslation();
  const trend = trendOf(figure.value, figure.previous);
  if (trend === 'none') return <span className="gg-muted">—</span>;
  const icon = { up: <ArrowUpOutlined />, down: <ArrowDownOutlined />, same: <MinusOutlined /> }[trend];
  return (
    <span className={`gg-change gg-change-${trend}`} data-testid="figure-change">
      <span role="img" aria-label={t(`reports.change.${trend}`)}>
        {icon}
      </span>{' '}
      {changeText(figure.value, figure.previous, figure.kind)}
    </span>
  );
}

/** One feature's section of the report: each figure today, the day before and the change. */
export function SectionTable({ section, date, previousDate }: { section: DailyReportSection; date: string; previousDate: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Card size="small" title={titleIn(language, section)} data-testid="report-section" data-key={section.key}>
      <Table<DailyReportFigure>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={section.figures}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('reports.figure'), key: 'label', render: (_, f) => labelIn(language, f) },
          { title: t('reports.today', { date: date.slice(5) }), key: 'value', align: 'right', render: (_, f) => formatFigure(f.value, f.kind) },
          { title: t('reports.dayBefore', { date: previousDate.slice(5) }), key: 'previous', align: 'right', render: (_, f) => formatFigure(f.previous, f.kind) },
          { title: t('reports.change.title'), key: 'change', render: (_, f) => <Change figure={f} /> },
        ]}
      />
    </Card>
  );
}
