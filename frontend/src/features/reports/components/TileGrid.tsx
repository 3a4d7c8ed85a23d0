import { Card, Empty, Statistic } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language';
import type { DashboardTile } from '../api/types';
import { labelIn } from '../model';

/**
 * The day at a glance: one card a tile, coloured by severity, "value / total" when the tile has a total; the whole
 * card opens the list behind the figure. On a phone the cards are full width and tall (a thumb's target).
 */
export function TileGrid({ tiles }: { tiles: readonly DashboardTile[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (tiles.length === 0) return <Empty description={t('reports.dashboard.noTiles')} />;
  return (
    <ul className="gg-tiles" aria-label={t('reports.dashboard.tiles')}>
      {tiles.map((tile) => (
        <li key={tile.key}>
          <Link to={tile.link} className={`gg-tile gg-tile-${tile.severity}`} data-testid="dashboard-tile" data-key={tile.key}>
            <Card size="small" variant="borderless">
              <Statistic
                title={labelIn(language, tile)}
                value={tile.value}
                suffix={tile.total == null ? undefined : `/ ${tile.total.toLocaleString('zh-CN')}`}
                groupSeparator=","
              />
              {tile.severity !== 'OK' && <span className="gg-tile-flag">{t(`reports.severity.${tile.severity}`)}</span>}
            </Card>
          </Link>
        </li>
      ))}
    </ul>
  );
}
