import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test-support/render';
import { TemperaturePad, digitsToTemperature, formatDigits, isFever } from './TemperaturePad';

describe('TemperaturePad', () => {
  it('records a shortcut in one tap', async () => {
    const onRecord = vi.fn();
    renderWithApp(<TemperaturePad onRecord={onRecord} />);
    await userEvent.click(screen.getByRole('button', { name: '36.5 °C' }));
    expect(onRecord).toHaveBeenCalledExactlyOnceWith(36.5);
  });

  it('reads three digits as a temperature with one decimal and records it with the big key', async () => {
    const onRecord = vi.fn();
    renderWithApp(<TemperaturePad onRecord={onRecord} />);
    const record = screen.getByRole('button', { name: '记录' });
    expect(record).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '3' }));
    await userEvent.click(screen.getByRole('button', { name: '8' }));
    expect(screen.getByTestId('pad-display')).toHaveTextContent('38._ °C');
    expect(record).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '2' }));
    expect(screen.getByTestId('pad-display')).toHaveTextContent('38.2 °C');
    // A fourth digit is ignored: the keys are disabled.
    expect(screen.getByRole('button', { name: '5' })).toBeDisabled();
    expect(screen.getByTestId('pad-display')).toHaveClass('gg-pad-display-fever');
    await userEvent.click(record);
    expect(onRecord).toHaveBeenCalledExactlyOnceWith(38.2);
    expect(screen.getByTestId('pad-display')).toHaveTextContent('__._ °C');
  });

  it('refuses a value outside 34.0–43.0 with a message, and backspace corrects it', async () => {
    const onRecord = vi.fn();
    renderWithApp(<TemperaturePad onRecord={onRecord} />);
    for (const d of ['4', '5', '1']) await userEvent.click(screen.getByRole('button', { name: d }));
    expect(screen.getByRole('alert')).toHaveTextContent('34.0–43.0');
    expect(screen.getByRole('button', { name: '记录' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '删除一位' }));
    await userEvent.click(screen.getByRole('button', { name: '删除一位' }));
    await userEvent.click(screen.getByRole('button', { name: '删除一位' }));
    for (const d of ['3', '6', '9']) await userEvent.click(screen.getByRole('button', { name: d }));
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '记录' }));
    expect(onRecord).toHaveBeenCalledExactlyOnceWith(36.9);
  });

  it('does nothing while disabled (no person or checkpoint chosen yet)', () => {
    const onRecord = vi.fn();
    renderWithApp(<TemperaturePad onRecord={onRecord} disabled />);
    expect(screen.getByRole('button', { name: '36.5 °C' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '3' })).toBeDisabled();
  });

  it('has the helpers the screen uses', () => {
    expect(digitsToTemperature('373')).toBe(37.3);
    expect(digitsToTemperature('37')).toBeUndefined();
    expect(formatDigits('3')).toBe('3_._');
    expect(isFever(37.3)).toBe(true);
    expect(isFever(37.2)).toBe(false);
  });
});
