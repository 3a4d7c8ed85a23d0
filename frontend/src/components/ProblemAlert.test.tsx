import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test-support/render';
import { ProblemError, networkProblem } from '../lib/api/problem';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it('explains a 404 by status and shows the server detail', () => {
    const error = new ProblemError({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No grid cell 42', errors: [] });
    renderWithApp(<ProblemAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('找不到该数据，或它不在您的辖区内。');
    expect(alert).toHaveTextContent('No grid cell 42');
  });

  it('lists field errors by field name', () => {
    const error = new ProblemError({
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      errors: [{ field: 'create.body.nodeId', message: 'must not be null' }],
    });
    renderWithApp(<ProblemAlert error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('提交的内容有误');
    expect(screen.getByRole('alert')).toHaveTextContent('nodeId: must not be null');
  });

  it('says so when the server cannot be reached, and offers a retry', () => {
    let retried = false;
    const { container } = renderWithApp(<ProblemAlert error={networkProblem(new TypeError('Failed to fetch'))} onRetry={() => (retried = true)} />);
    expect(container).toHaveTextContent('无法连接服务器');
    screen.getByRole('button', { name: '重试' }).click();
    expect(retried).toBe(true);
  });

  it('shows 403 and 412 in words a field worker understands', () => {
    renderWithApp(
      <>
        <ProblemAlert error={new ProblemError({ type: 'about:blank', title: 'Forbidden', status: 403, errors: [] })} />
        <ProblemAlert error={new ProblemError({ type: 'about:blank', title: 'Precondition Failed', status: 412, errors: [] })} />
      </>,
    );
    const alerts = screen.getAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('您没有权限执行此操作。');
    expect(alerts[1]).toHaveTextContent('数据已被他人修改');
  });
});
