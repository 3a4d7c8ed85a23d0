import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { ImportWizardPage } from './ImportWizardPage';

const REPORT_ERRORS = [
  { line: 3, field: '身份证号', message: 'ID number: wrong check character', severity: 'ERROR' },
  { line: 4, field: '人员类别', message: "unknown category '外星人' was left out (the person is imported); the categories are: 租户、独居老人", severity: 'WARNING' },
];

interface Submitted {
  dryRun: string | null;
  file: string | null;
  type: string | null;
}

/** A fake API: each import job runs RUNNING → SUCCEEDED over two polls. */
function server(options: { reject?: Response } = {}) {
  const submitted: Submitted[] = [];
  const polls = new Map<string, number>();
  const fetch = vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/areas/tree') return jsonResponse([]);
    if (req.method === 'POST' && url.pathname === '/api/v1/imports') {
      if (options.reject) return options.reject;
      const form = await req.formData();
      const file = form.get('file');
      // (jsdom's FormData loses the file name on its way through fetch; browsers keep it.)
      submitted.push({ dryRun: form.get('dryRun') as string | null, file: file === null ? null : 'attached', type: req.headers.get('Content-Type') });
      const id = form.get('dryRun') === 'true' ? 'dry' : 'real';
      return jsonResponse({ jobId: id, status: 'QUEUED', dryRun: id === 'dry' }, 202);
    }
    const job = /^\/api\/v1\/jobs\/(\w+)$/.exec(url.pathname)?.[1];
    if (job) {
      const n = (polls.get(job) ?? 0) + 1;
      polls.set(job, n);
      if (n < 2) return jsonResponse({ id: job, status: 'RUNNING', progress: 40 });
      const report =
        job === 'dry'
          ? { dryRun: true, rows: 5, valid: 3, invalid: 2, warnings: 1, wouldCreate: 3, wouldUpdateOrKeep: 0, errors: REPORT_ERRORS }
          : { dryRun: false, rows: 5, valid: 3, invalid: 2, warnings: 1, created: 3, updated: 0, unchanged: 0, householdsCreated: 2, errors: REPORT_ERRORS };
      return jsonResponse({ id: job, status: 'SUCCEEDED', progress: 100, report });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/imports/real/errors') {
      return new Response('\uFEFF行号,姓名,列,原因,级别\r\n3,张三,身份证号,bad,ERROR\r\n', { headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="import-errors.csv"' } });
    }
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
  return { fetch, submitted };
}

const csv = (name = 'census.csv') => new File(['小区,门牌号,姓名,身份证号\n燕泉小区,1-101,张三,11010519491231002X\n'], name, { type: 'text/csv' });

describe('ImportWizardPage', () => {
  it('uploads nothing until the dry run, shows its report, then imports with progress and offers the error report', async () => {
    const user = userEvent.setup();
    const { fetch, submitted } = server();
    const createObjectURL = vi.fn(() => 'blob:errors');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithApp(<ImportWizardPage />, { roles: ['supervisor'], fetch });

    const dry = screen.getByRole('button', { name: '试运行（只检查，不写入）' });
    expect(dry).toBeDisabled();
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, csv());
    expect(await screen.findByText('census.csv')).toBeInTheDocument();
    expect(submitted).toHaveLength(0); // no auto-upload

    await user.click(dry);
    const dryCard = await screen.findByTestId('dry-run');
    await waitFor(() => expect(within(dryCard).getByTestId('import-valid')).toHaveTextContent('3'), { timeout: 15_000 });
    expect(within(dryCard).getByTestId('import-invalid')).toHaveTextContent('2');
    expect(within(dryCard).getByTestId('import-warnings')).toHaveTextContent('1');
    expect(within(dryCard).getByTestId('dry-run-summary')).toHaveTextContent('将导入 3 人，1 条提示');
    // the refused rows and the kept rows with a note are shown apart
    const refused = within(dryCard).getByTestId('import-row-errors');
    expect(within(refused).getByText('ID number: wrong check character')).toBeInTheDocument();
    expect(within(refused).queryByText(/外星人/)).not.toBeInTheDocument();
    const notes = within(dryCard).getByTestId('import-row-warnings');
    expect(within(notes).getByText(/外星人/)).toBeInTheDocument();
    expect(within(notes).queryByText('ID number: wrong check character')).not.toBeInTheDocument();
    expect(submitted).toEqual([{ dryRun: 'true', file: 'attached', type: expect.stringMatching(/^multipart\/form-data; boundary=/) as string }]);

    await user.click(within(dryCard).getByRole('button', { name: '导入 3 条有效记录' }));
    const run = await screen.findByTestId('import-run');
    expect(await within(run).findByText('导入完成。 导入 3 人，1 条提示', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(within(run).getByTestId('import-row-warnings')).toHaveTextContent('外星人');
    expect(within(run).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(within(run).getByTestId('import-created')).toHaveTextContent('3');
    expect(submitted[1]).toMatchObject({ dryRun: 'false', file: 'attached' });

    await user.click(within(run).getByRole('button', { name: /下载错误报告/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const errorsCall = fetch.mock.calls.find(([r]) => new URL(r.url).pathname === '/api/v1/imports/real/errors');
    expect(errorsCall?.[0].headers.get('Authorization')).toMatch(/^Bearer /);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('refuses a file that is not CSV or XLSX before sending it', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { fetch, submitted } = server();
    renderWithApp(<ImportWizardPage />, { roles: ['grid-leader'], fetch });
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, new File(['x'], 'photo.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('「photo.jpg」不是 CSV 或 XLSX 文件。');
    expect(screen.getByRole('button', { name: '试运行（只检查，不写入）' })).toBeDisabled();
    expect(submitted).toHaveLength(0);
  });

  it('shows the server’s verdict on a bad file (wrong columns) clearly', async () => {
    const user = userEvent.setup();
    const { fetch } = server({
      reject: jsonResponse(
        {
          type: 'https://gridguard.example/problems/validation',
          title: 'Invalid input',
          status: 400,
          detail: 'The file does not have the census columns (小区, 楼栋, 门牌号, 姓名, 证件类型, 身份证号, 联系电话, 与户主关系, 人员类别, 返乡来源地); download the template',
          errors: [{ field: 'file', message: 'the column 身份证号 is missing' }],
        },
        400,
      ),
    });
    renderWithApp(<ImportWizardPage />, { roles: ['supervisor'], fetch });
    await user.upload(document.querySelector('input[type="file"]') as HTMLInputElement, csv('wrong.csv'));
    await user.click(screen.getByRole('button', { name: '试运行（只检查，不写入）' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('提交的内容有误');
    expect(alert).toHaveTextContent('download the template');
    expect(alert).toHaveTextContent('file: the column 身份证号 is missing');
    expect(screen.queryByTestId('dry-run')).not.toBeInTheDocument();
  });
});
