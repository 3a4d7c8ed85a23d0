import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Input, type InputRef } from 'antd';
import { BarcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isBarcode, normaliseBarcode } from './pool';

export interface BarcodeInputHandle {
  focus: () => void;
}

interface Props {
  /** Called with the trimmed barcode when Enter comes (a keyboard-wedge scanner types then sends Enter). */
  onScan: (barcode: string) => void;
  disabled?: boolean;
}

/**
 * The tube barcode field: focused on arrival and after every scan, so a keyboard-wedge scanner
 * (which types the characters and then Enter) works without a tap. Enter with a valid barcode
 * hands it over and clears the field; anything else stays with an error.
 */
export const BarcodeInput = forwardRef<BarcodeInputHandle, Props>(function BarcodeInput({ onScan, disabled }, ref) {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  const submit = () => {
    const code = normaliseBarcode(value);
    if (!code) return;
    if (!isBarcode(code)) {
      setError(true);
      return;
    }
    setError(false);
    setValue('');
    onScan(code);
    input.current?.focus();
  };

  return (
    <div>
      <Input
        ref={input}
        size="large"
        autoFocus
        disabled={disabled}
        value={value}
        status={error ? 'error' : undefined}
        prefix={<BarcodeOutlined />}
        placeholder={t('testing.sampling.barcodePlaceholder')}
        aria-label={t('testing.sampling.barcode')}
        aria-invalid={error}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="done"
        onChange={(e) => {
          setValue(e.target.value);
          if (error) setError(false);
        }}
        onPressEnter={(e) => {
          e.preventDefault();
          submit();
        }}
      />
      {error && (
        <div role="alert" className="gg-field-error">
          {t('testing.sampling.badBarcode')}
        </div>
      )}
    </div>
  );
});
