import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/problem';
import { showProblemOnForm, splitProblem } from './problemOnForm';

const problem = (errors: { field: string; message: string }[]) =>
  new ProblemError({ type: 'about:blank', title: 'Invalid input', status: 400, detail: `${errors.length} invalid`, errors });

describe('splitProblem', () => {
  it('groups messages by the last segment of the Bean Validation path, in the server’s order', () => {
    const { onFields, rest } = splitProblem(
      problem([
        { field: 'create.body.principal', message: 'must not be blank' },
        { field: 'create.body.nodeId', message: 'unknown node' },
        { field: 'principal', message: 'too long' },
        { field: 'create.body.items[2]', message: 'ignored: not a field of this form' },
      ]),
      ['principal', 'nodeId'],
    );
    expect(onFields).toEqual([
      { name: 'principal', errors: ['must not be blank', 'too long'] },
      { name: 'nodeId', errors: ['unknown node'] },
    ]);
    expect(rest).toBeInstanceOf(ProblemError);
    expect(rest).toMatchObject({ status: 400, title: 'Invalid input', errors: [{ field: 'create.body.items[2]', message: 'ignored: not a field of this form' }] });
  });

  it('leaves nothing for the alert when every field error lands on a field', () => {
    expect(splitProblem(problem([{ field: 'doorNumber', message: 'taken' }]), ['doorNumber']).rest).toBeNull();
  });

  it('keeps a problem without field errors whole (e.g. 403 outside jurisdiction)', () => {
    const forbidden = new ProblemError({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'outside your jurisdiction', errors: [] });
    const { onFields, rest } = splitProblem(forbidden, ['doorNumber']);
    expect(onFields).toEqual([]);
    expect(rest).toMatchObject({ status: 403, title: 'Forbidden', detail: 'outside your jurisdiction', errors: [] });
  });

  it('turns anything thrown into a problem for the alert', () => {
    const { onFields, rest } = splitProblem(new Error('boom'), ['doorNumber']);
    expect(onFields).toEqual([]);
    expect(rest).toMatchObject({ title: 'boom', errors: [] });
  });
});

describe('showProblemOnForm', () => {
  it('sets the field errors on the form and returns the rest', () => {
    const form = { setFields: vi.fn() };
    const rest = showProblemOnForm<{ doorNumber: string; notes?: string }>(
      form,
      problem([
        { field: 'update.body.doorNumber', message: 'taken' },
        { field: 'version', message: 'stale' },
      ]),
      ['doorNumber', 'notes'],
    );
    expect(form.setFields).toHaveBeenCalledWith([{ name: 'doorNumber', errors: ['taken'] }]);
    expect(rest?.errors).toEqual([{ field: 'version', message: 'stale' }]);
  });
});
