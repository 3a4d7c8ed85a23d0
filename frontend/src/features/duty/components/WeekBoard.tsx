import { useState } from 'react';
import { Select, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAddAssignee, useAreaShifts, useDutyPeople, useRemoveAssignee, type Shift } from '../api/duty';
import { RuleViolations } from './RuleViolations';
import { timeRange } from './shiftUtils';

interface Props {
  areaId: string;
  monday: Dayjs;
}

/** Posts × days of the week, each day's shifts with their people; reassign in place. */
export function WeekBoard({ areaId, monday }: Props) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const shifts = useAreaShifts(areaId, from, to);
  const people = useDutyPeople(areaId);
  const add = useAddAssignee();
  const remove = useRemoveAssignee();
  const [errors, setErrors] = useState<Record<string, unknown>>({});

  if (shifts.error) return <ProblemAlert error={shifts.error} onRetry={() => void shifts.refetch()} />;
  if (shifts.isPending) return <Spin />;

  const posts = new Map<string, { code: string; name: string; byDay: Map<string, Shift[]> }>();
  for (const s of shifts.data) {
    const key = s.checkpointId ?? '';
    const post = posts.get(key) ?? { code: s.checkpointCode ?? '', name: s.checkpointName ?? '', byDay: new Map<string, Shift[]>() };
    const list = post.byDay.get(s.businessDate ?? '') ?? [];
    list.push(s);
    post.byDay.set(s.businessDate ?? '', list);
    posts.set(key, post);
  }
  const rows = [...posts.entries()].sort((a, b) => a[1].code.localeCompare(b[1].code));
  const options = (people.data ?? []).map((p) => ({ value: p.id ?? '', label: `${p.name ?? ''} · ${p.unit ?? ''}` }));

  async function change(shiftId: string, fn: () => Promise<unknown>) {
    setErrors((e) => ({ ...e, [shiftId]: undefined }));
    try {
      await fn();
    } catch (err) {
      setErrors((e) => ({ ...e, [shiftId]: err }));
    }
  }

  if (rows.length === 0) return <Typography.Paragraph type="secondary">{t('duty.board.empty')}</Typography.Paragraph>;

  return (
    <div className="gg-duty-board" data-testid="duty-board">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('duty.board.post')}</th>
            {days.map((d) => (
              <th scope="col" key={d.format('YYYY-MM-DD')}>
                {d.format('MM-DD ddd')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, post]) => (
            <tr key={id}>
              <th scope="row">
                <span className="gg-code">{post.code}</span>
                <br />
                {post.name}
              </th>
              {days.map((d) => (
                <td key={d.format('YYYY-MM-DD')} className="gg-duty-cell">
                  {(post.byDay.get(d.format('YYYY-MM-DD')) ?? []).map((s) => {
                    const sid = s.id ?? '';
                    const assignees = s.assignees ?? [];
                    const short = assignees.length < (s.peopleNeeded ?? 0);
                    return (
                      <div key={sid} className={short ? 'gg-duty-shift gg-duty-shift-short' : 'gg-duty-shift'} data-testid="duty-board-shift" data-shift-id={sid}>
                        <Typography.Text type="secondary">
                          {t(`duty.kinds.${s.kind ?? 'CUSTOM'}`)} {timeRange(s)} ({assignees.length}/{s.peopleNeeded})
                        </Typography.Text>
                        {s.gap && <Tag color="red">{t('duty.board.gap')}</Tag>}
                        <div>
                          {assignees.map((a) => (
                            <Tag
                              key={a.personId}
                              closable
                              icon={a.checkInAt ? <CheckCircleOutlined aria-label={t('duty.checkedIn')} /> : undefined}
                              closeIcon={<span aria-label={t('duty.board.remove', { name: a.name })}>×</span>}
                              onClose={(e) => {
                                e.preventDefault();
                                void change(sid, () => remove.mutateAsync({ shiftId: sid, personId: a.personId ?? '' }));
                              }}
                            >
                              {a.name}
                            </Tag>
                          ))}
                        </div>
                        <Select
                          size="small"
                          showSearch
                          optionFilterProp="label"
                          value={null}
                          placeholder={t('duty.board.add')}
                          aria-label={t('duty.board.addTo', { post: post.code, time: `${d.format('MM-DD')} ${timeRange(s)}` })}
                          options={options.filter((o) => !assignees.some((a) => a.personId === o.value))}
                          style={{ width: '100%' }}
                          onChange={(personId: string) => void change(sid, () => add.mutateAsync({ shiftId: sid, personId }))}
                        />
                        {errors[sid] !== undefined && <RuleViolations error={errors[sid]} />}
                      </div>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {people.error && <ProblemAlert error={people.error} />}
      <Typography.Paragraph type="secondary" className="gg-section">
        {t('duty.board.hint', { from: dayjs(from).format('MM-DD'), to: dayjs(to).format('MM-DD') })}
      </Typography.Paragraph>
    </div>
  );
}
