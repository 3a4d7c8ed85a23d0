import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSites } from '../api/quarantine';
import '../quarantine.css';

/** Central isolation sites with their occupancy now. */
export function SitesPage() {
  const { t } = useTranslation();
  const sites = useSites();
  return (
    <section className="gg-page gg-quarantine" aria-labelledby="sites-title">
      <Typography.Title level={2} id="sites-title">
        {t('quarantineDesk.sites.title')}
      </Typography.Title>
      {sites.error && <ProblemAlert error={sites.error} onRetry={() => void sites.refetch()} />}
      {!sites.isPending && sites.items.length === 0 && <Typography.Text type="secondary">{t('quarantineDesk.sites.none')}</Typography.Text>}
      <Row gutter={[16, 16]}>
        {sites.items.map((s) => (
          <Col key={s.id} xs={24} md={12} xl={8}>
            <Card title={<Link to={`/quarantine-sites/${s.id}`}>{s.name ?? s.code}</Link>}>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('quarantineDesk.sites.rooms')} value={s.rooms ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('quarantineDesk.sites.guests')} value={s.guests ?? 0} suffix={`/ ${s.beds ?? 0}`} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('quarantineDesk.sites.free')} value={s.freeBeds ?? 0} />
                </Col>
              </Row>
              <Progress percent={s.beds ? Math.round(((s.guests ?? 0) * 100) / s.beds) : 0} aria-label={t('quarantineDesk.sites.guests')} />
            </Card>
          </Col>
        ))}
      </Row>
      <LoadMoreButton pages={sites} />
    </section>
  );
}
