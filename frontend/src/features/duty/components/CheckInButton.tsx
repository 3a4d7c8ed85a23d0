import { Button, Flex, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCheckIn, useCheckOut, type Shift, type ShiftAssignee } from '../api/duty';

interface Props {
  shift: Shift;
  /** The caller's own place on the shift (undefined: the caller is not on it). */
  me: ShiftAssignee | undefined;
}

/** The one big button a worker at the post needs: check in, then check out, then done. */
export function CheckInButton({ shift, me }: Props) {
  const { t } = useTranslation();
  const checkIn = useCheckIn();
  const checkOut = useCheckOut();
  const id = shift.id ?? '';
  const error = checkIn.error ?? checkOut.error;

  let body;
  if (me?.checkOutAt) {
    body = (
      <Button block size="large" className="gg-duty-big" disabled icon={<CheckCircleOutlined />}>
        {t('duty.checkedOut', { time: dayjs(me.checkOutAt).format('HH:mm') })}
      </Button>
    );
  } else if (me?.checkInAt) {
    body = (
      <>
        <Typography.Text strong data-testid="duty-checked-in">
          <CheckCircleOutlined />{' '}
          {t('duty.checkedInAt', { time: dayjs(me.checkInAt).format('HH:mm') })}
          {me.lateMinutes ? ` · ${t('duty.late', { minutes: me.lateMinutes })}` : ''}
        </Typography.Text>
        <Button block size="large" className="gg-duty-big" icon={<LogoutOutlined />} loading={checkOut.isPending} onClick={() => checkOut.mutate(id)}>
          {t('duty.checkOut')}
        </Button>
      </>
    );
  } else {
    body = (
      <Button
        block
        type="primary"
        size="large"
        className="gg-duty-big"
        icon={<LoginOutlined />}
        loading={checkIn.isPending}
        onClick={() => checkIn.mutate(id)}
      >
        {t('duty.checkIn')}
      </Button>
    );
  }
  return (
    <Flex vertical gap="small">
      {body}
      {error && <ProblemAlert error={error} />}
    </Flex>
  );
}
