import { useState, type ReactNode } from 'react';
import { Alert, Select, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, HolderOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAddAssignee, useAreaShifts, useDutyPeople, useMoveAssignee, useRemoveAssignee, type Shift } from '../api/duty';
import { RuleViolations } from './RuleViolations';
import { timeRange } from './shiftUtils';

interface Props {
  areaId: string;
  monday: Dayjs;
}

/** What is being dragged: a person, from a shift or from the people list. */
interface DragItem {
  personId: string;
  name: string;
  unit?: string;
  fromShiftId?: string;
}

/** Pointers (mouse, finger) drop where they are; the keyboard sensor has no pointer, so the nearest shift. */
const dropTarget: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));

function Draggable({ id, item, label, children }: { id: string; item: DragItem; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id,
    data: item,
    attributes: { roleDescription: t('duty.dnd.roleDescription') },
  });
  return (
    <span
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      className={isDragging ? 'gg-duty-chip gg-duty-chip-dragging' : 'gg-duty-chip'}
      data-testid="duty-chip"
      data-person-id={item.personId}
    >
      {children}
    </span>
  );
}

function DropShift({ shift, children }: { shift: Shift; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: shift.id ?? '' });
  const short = (shift.assignees ?? []).length < (shift.peopleNeeded ?? 0);
  const cls = ['gg-duty-shift', short ? 'gg-duty-shift-short' : '', isOver ? 'gg-duty-shift-over' : ''].filter(Boolean).join(' ');
  return (
    <div ref={setNodeRef} className={cls} data-testid="duty-board-shift" data-shift-id={shift.id}>
      {children}
    </div>
  );
}

/**
 * Posts × days of the week, each day's shifts with their people. Reassign by dragging a person
 * (mouse, or a long press on a phone) from a shift or from the people list onto another shift;
 * the × and the add box do the same from the keyboard. Every change is checked by the duty rules.
 */
export function WeekBoard({ areaId, monday }: Props) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const shifts = useAreaShifts(areaId, from, to);
  const people = useDutyPeople(areaId);
  const add = useAddAssignee();
  const remove = useRemoveAssignee();
  const move = useMoveAssignee(areaId, from, to);
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [dragging, setDragging] = useState<DragItem | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // a long press picks a person up, so a swipe still scrolls the board
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  if (shifts.error) return <ProblemAlert error={shifts.error} onRetry={() => void shifts.refetch()} />;
  if (shifts.isPending) return <Spin />;

  const byId = new Map(shifts.data.map((s) => [s.id ?? '', s]));
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
  const shiftLabel = (s: Shift | undefined) => (s ? `${s.checkpointCode ?? ''} ${dayjs(s.startsAt).format('MM-DD')} ${timeRange(s)}` : '');

  async function change(shiftId: string, fn: () => Promise<unknown>) {
    setErrors((e) => ({ ...e, [shiftId]: undefined }));
    try {
      await fn();
    } catch (err) {
      setErrors((e) => ({ ...e, [shiftId]: err }));
    }
  }

  function onDragStart(e: DragStartEvent) {
    setDragging((e.active.data.current as DragItem | undefined) ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const item = active.data.current as DragItem | undefined;
    const target = over ? String(over.id) : undefined;
    if (!item || !target || target === item.fromShiftId) return;
    const shift = byId.get(target);
    if (shift?.assignees?.some((a) => a.personId === item.personId)) {
      setErrors((e) => ({ ...e, [target]: t('duty.board.already', { name: item.name }) }));
      return;
    }
    setErrors((e) => ({ ...e, [target]: undefined, ...(item.fromShiftId ? { [item.fromShiftId]: undefined } : {}) }));
    move.mutate(
      { personId: item.personId, fromShiftId: item.fromShiftId, toShiftId: target, assignee: { personId: item.personId, name: item.name, unit: item.unit, missingCheckOut: false } },
      { onError: (err) => setErrors((e) => ({ ...e, [target]: err })) },
    );
  }

  const nameOf = (id: unknown) => {
    const [, personId] = String(id).split(':');
    return (people.data ?? []).find((p) => p.id === personId)?.name ?? shifts.data.flatMap((s) => s.assignees ?? []).find((a) => a.personId === personId)?.name ?? '';
  };
  const announcements = {
    onDragStart: ({ active }: { active: { id: unknown } }) => t('duty.dnd.picked', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }: { active: { id: unknown }; over: { id: unknown } | null }) =>
      over ? t('duty.dnd.over', { name: nameOf(active.id), shift: shiftLabel(byId.get(String(over.id))) }) : t('duty.dnd.nowhere', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }: { active: { id: unknown }; over: { id: unknown } | null }) =>
      over ? t('duty.dnd.dropped', { name: nameOf(active.id), shift: shiftLabel(byId.get(String(over.id))) }) : t('duty.dnd.nowhere', { name: nameOf(active.id) }),
    onDragCancel: ({ active }: { active: { id: unknown } }) => t('duty.dnd.cancelled', { name: nameOf(active.id) }),
  };

  if (rows.length === 0) return <Typography.Paragraph type="secondary">{t('duty.board.empty')}</Typography.Paragraph>;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={dropTarget}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('duty.dnd.instructions') } }}
    >
      <div className="gg-duty-layout">
        <aside className="gg-duty-people" aria-labelledby="duty-people-title" data-testid="duty-people">
          <Typography.Text strong id="duty-people-title">
            {t('duty.board.people')}
          </Typography.Text>
          <div className="gg-duty-people-list">
            {(people.data ?? []).map((p) => (
              <Draggable
                key={p.id}
                id={`person:${p.id ?? ''}`}
                item={{ personId: p.id ?? '', name: p.name ?? '', unit: p.unit }}
                label={t('duty.dnd.person', { name: p.name, unit: p.unit ?? '' })}
              >
                <Tag icon={<HolderOutlined />}>
                  {p.name}
                  <span className="gg-duty-unit"> · {p.unit}</span>
                </Tag>
              </Draggable>
            ))}
          </div>
          {people.error && <ProblemAlert error={people.error} />}
        </aside>
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
                        const err = errors[sid];
                        return (
                          <DropShift key={sid} shift={s}>
                            <Typography.Text type="secondary">
                              {t(`duty.kinds.${s.kind ?? 'CUSTOM'}`)} {timeRange(s)} ({assignees.length}/{s.peopleNeeded})
                            </Typography.Text>
                            {s.gap && <Tag color="red">{t('duty.board.gap')}</Tag>}
                            <div>
                              {assignees.map((a) => (
                                // the × sits beside the draggable name, not inside it: no control nested in another
                                <span key={a.personId} className="gg-duty-assignee">
                                  <Draggable
                                    id={`${sid}:${a.personId ?? ''}`}
                                    item={{ personId: a.personId ?? '', name: a.name ?? '', unit: a.unit, fromShiftId: sid }}
                                    label={t('duty.dnd.assignee', { name: a.name, shift: shiftLabel(s) })}
                                  >
                                    <Tag icon={a.checkInAt ? <CheckCircleOutlined aria-label={t('duty.checkedIn')} /> : undefined}>{a.name}</Tag>
                                  </Draggable>
                                  <button
                                    type="button"
                                    className="gg-duty-remove"
                                    aria-label={t('duty.board.remove', { name: a.name })}
                                    onClick={() => void change(sid, () => remove.mutateAsync({ shiftId: sid, personId: a.personId ?? '' }))}
                                  >
                                    ×
                                  </button>
                                </span>
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
                            {typeof err === 'string' ? (
                              <Alert type="warning" showIcon role="alert" title={err} />
                            ) : (
                              err !== undefined && <RuleViolations error={err} />
                            )}
                          </DropShift>
                        );
                      })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Typography.Paragraph type="secondary" className="gg-section">
            {t('duty.board.hint', { from: dayjs(from).format('MM-DD'), to: dayjs(to).format('MM-DD') })}
          </Typography.Paragraph>
        </div>
      </div>
      <DragOverlay dropAnimation={null}>{dragging ? <Tag color="blue" className="gg-duty-overlay">{dragging.name}</Tag> : null}</DragOverlay>
    </DndContext>
  );
}
