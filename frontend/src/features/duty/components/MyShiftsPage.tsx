import { Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useMyPerson, useMyShifts, type Shift } from '../api/duty';
import { CheckInButton } from './CheckInButton';
import { orderTodayFirst, shiftPhase, timeRange } from './shiftUtils';
import { WorkLogForm } from './WorkLogForm';
import { MySwaps, SwapRequestButton } from './SwapViews';
import '../duty.css';

/** Workers at the post (phone first): my shifts, today first; check in; log the day's work. */
export function MyShiftsPage() {
  const { t } = useTranslation();
  const username = useAuth().user?.profile.preferred_username;
  const { data, error, isPending, refetch } = useMyShifts();
  const shifts = orderTodayFirst(data ?? []);
  // The shift on now, else the next one today (people arrive early at the post).
  const today = dayjs().format('YYYY-MM-DD');
  const onNow = shifts.find((s) => shiftPhase(s) === 'current');
  const current = onNow ?? shifts.find((s) => shiftPhase(s) === 'upcoming' && s.businessDate === today);
  const person = useMyPerson(username).data;
  const mine = (s: Shift) => s.assignees?.find((a) => person && a.personId === person.id) ?? (s.assignees?.length === 1 ? s.assignees[0] : undefined);

  return (
    <section aria-labelledby="duty-mine-title" className="gg-page gg-duty-mine">
      <Typography.Title level={2} id="duty-mine-title">
        {t('duty.mine.title')}
      </Typography.Title>
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : (
        <>
          {current && (
            <Card className="gg-section" title={onNow ? t('duty.mine.now') : t('duty.mine.next')} data-testid="duty-current">
              <Flex vertical gap="small">
                <Typography.Text strong>
                  {current.checkpointName} <span className="gg-code">{current.checkpointCode}</span>
                </Typography.Text>
                <Typography.Text>{timeRange(current)}</Typography.Text>
                <CheckInButton shift={current} me={mine(current)} />
              </Flex>
            </Card>
          )}
          <Card className="gg-section" title={t('duty.mine.list')}>
            {shifts.length === 0 ? (
              <Empty description={t('duty.mine.empty')} />
            ) : (
              <List
                dataSource={shifts}
                rowKey={(s) => s.id ?? ''}
                renderItem={(s) => (
                  <List.Item
                    data-testid="duty-shift"
                    actions={person && shiftPhase(s) === 'upcoming' ? [<SwapRequestButton key="swap" shift={s} me={person} />] : undefined}
                  >
                    <List.Item.Meta
                      title={
                        <>
                          {s.checkpointName} <span className="gg-code">{s.checkpointCode}</span>
                        </>
                      }
                      description={
                        <>
                          {dayjs(s.businessDate).format('MM-DD ddd')} · {t(`duty.kinds.${s.kind ?? 'CUSTOM'}`)} · {timeRange(s)}{' '}
                          {shiftPhase(s) === 'current' && <Tag icon={<ClockCircleOutlined />}>{t('duty.mine.onNow')}</Tag>}
                          {s.businessDate === dayjs().format('YYYY-MM-DD') && shiftPhase(s) !== 'current' && <Tag>{t('duty.mine.today')}</Tag>}
                          {mine(s)?.checkInAt && <Tag icon={<CheckCircleOutlined />}>{t('duty.checkedIn')}</Tag>}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card className="gg-section" title={t('duty.swap.title')}>
            <MySwaps me={person} />
          </Card>
          <Card className="gg-section" title={t('duty.log.title')}>
            <WorkLogForm />
          </Card>
        </>
      )}
    </section>
  );
}
