import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test-support/render';
import { BarcodeInput } from './BarcodeInput';

describe('BarcodeInput', () => {
  it('is focused on arrival, so a keyboard-wedge scanner can type without a tap', () => {
    renderWithApp(<BarcodeInput onScan={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: '试管条码' })).toHaveFocus();
  });

  it('hands over what the scanner typed when Enter comes, clears the field and keeps the focus', async () => {
    const onScan = vi.fn();
    renderWithApp(<BarcodeInput onScan={onScan} />);
    const field = screen.getByRole('textbox', { name: '试管条码' });
    // a wedge scanner: the characters one by one, then Enter
    await userEvent.keyboard('TB-0001{Enter}');
    expect(onScan).toHaveBeenCalledExactlyOnceWith('TB-0001');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    await userEvent.keyboard('  TB-0002  {Enter}');
    expect(onScan).toHaveBeenLastCalledWith('TB-0002');
  });

  it('does nothing until Enter, and keeps a bad barcode in the field with an error', async () => {
    const onScan = vi.fn();
    renderWithApp(<BarcodeInput onScan={onScan} />);
    const field = screen.getByRole('textbox', { name: '试管条码' });
    await userEvent.keyboard('TB0003');
    expect(onScan).not.toHaveBeenCalled();
    await userEvent.clear(field);
    await userEvent.type(field, 'TB 3{Enter}');
    expect(onScan).not.toHaveBeenCalled();
    expect(field).toHaveValue('TB 3');
    expect(screen.getByRole('alert')).toHaveTextContent('条码为 4 到 64 位字母、数字或短横线');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    // an empty Enter is ignored
    await userEvent.clear(field);
    await userEvent.keyboard('{Enter}');
    expect(onScan).not.toHaveBeenCalled();
  });
});
