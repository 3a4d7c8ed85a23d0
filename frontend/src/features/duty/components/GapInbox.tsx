import { useTranslation } from 'react-i18next';
import { AlertInbox } from '../../../components/alerts/AlertInbox';

/** The alert inbox, only duty gaps (posts with nobody checked in 15 minutes after the start): the shared inbox, one kind. */
export function GapInbox({ areaId }: { areaId: string | undefined }) {
  const { t } = useTranslation();
  return <AlertInbox kind="DUTY_GAP" areaId={areaId} itemTestId="duty-gap" emptyText={t('duty.gaps.empty')} />;
}
