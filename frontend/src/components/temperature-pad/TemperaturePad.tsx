import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './TemperaturePad.css';

/** Fever from this reading up (°C), as the server counts it. */
export const FEVER_AT = 37.3;
export const MIN_TEMPERATURE = 34.0;
export const MAX_TEMPERATURE = 43.0;
/** One tap records these (most people at a gate are between 36.0 and 37.0). */
export const SHORTCUTS = [36.2, 36.4, 36.5, 36.6, 36.8, 37.0] as const;

export const isFever = (t: number) => t >= FEVER_AT;
export const inRange = (t: number) => t >= MIN_TEMPERATURE && t <= MAX_TEMPERATURE;

/** Three typed digits read as a temperature with one decimal: "365" → 36.5. */
export function digitsToTemperature(digits: string): number | undefined {
  if (!/^\d{3}$/.test(digits)) return undefined;
  return Number(digits) / 10;
}

/** How the typed digits show: "", "3_._", "36._", "36.5". */
export function formatDigits(digits: string): string {
  const d = digits.padEnd(3, '_');
  return `${d.slice(0, 2)}.${d.slice(2)}`;
}

interface Props {
  /** Called with a temperature in range, from a shortcut (one tap) or from three digits and the record key. */
  onRecord: (temperature: number) => void;
  disabled?: boolean;
}

/**
 * A big numeric pad for gloved thumbs: shortcuts record a normal reading in one tap; any other
 * value is typed as three digits (no decimal point to hit) and recorded with the big key.
 */
export function TemperaturePad({ onRecord, disabled }: Props) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const typed = digitsToTemperature(digits);
  const valid = typed !== undefined && inRange(typed);
  const press = (d: string) => setDigits((s) => (s.length >= 3 ? s : s + d));
  const record = (value: number) => {
    onRecord(value);
    setDigits('');
  };

  return (
    <div className="gg-pad" aria-label={t('temperature.pad.label')} role="group">
      <div className="gg-pad-shortcuts">
        {SHORTCUTS.map((s) => (
          <Button key={s} size="large" className={isFever(s) ? 'gg-pad-key gg-pad-fever' : 'gg-pad-key'} disabled={disabled} onClick={() => record(s)} aria-label={t('temperature.pad.shortcut', { value: s.toFixed(1) })}>
            {s.toFixed(1)}
          </Button>
        ))}
      </div>
      <output
        className={`gg-pad-display${typed !== undefined && isFever(typed) ? ' gg-pad-display-fever' : ''}`}
        aria-live="polite"
        aria-label={t('temperature.pad.typed')}
        data-testid="pad-display"
      >
        {formatDigits(digits)} °C
      </output>
      {typed !== undefined && !inRange(typed) && (
        <div className="gg-pad-error" role="alert">
          {t('temperature.pad.outOfRange', { min: MIN_TEMPERATURE.toFixed(1), max: MAX_TEMPERATURE.toFixed(1) })}
        </div>
      )}
      <div className="gg-pad-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <Button key={d} size="large" className="gg-pad-key" disabled={disabled || digits.length >= 3} onClick={() => press(d)}>
            {d}
          </Button>
        ))}
        <Button size="large" className="gg-pad-key" disabled={disabled || digits.length === 0} onClick={() => setDigits((s) => s.slice(0, -1))} aria-label={t('temperature.pad.backspace')}>
          ⌫
        </Button>
        <Button size="large" className="gg-pad-key" disabled={disabled || digits.length >= 3} onClick={() => press('0')}>
          0
        </Button>
        <Button
          size="large"
          type="primary"
          danger={typed !== undefined && isFever(typed)}
          className="gg-pad-key gg-pad-record"
          disabled={disabled || !valid}
          onClick={() => typed !== undefined && record(typed)}
        >
          {t('temperature.pad.record')}
        </Button>
      </div>
    </div>
  );
}
