import { useEffect, useRef } from 'react';
import { Button } from 'antd';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

const HEIGHT = 180;

/**
 * The responsible person signs with a finger (signature_pad, ADR 0045). The canvas is drawn at
 * one pixel per CSS pixel and black on transparent, so the PNG stays a few kilobytes.
 * onChange gets the PNG as a data URL after every stroke, undefined when cleared.
 */
export function SignatureField({ onChange }: { onChange: (png: string | undefined) => void }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad>(undefined);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    canvas.width = Math.min(canvas.offsetWidth || 340, 800);
    canvas.height = HEIGHT;
    const pad = new SignaturePad(canvas, { minWidth: 1, maxWidth: 2.5, penColor: '#000' });
    const stroke = () => changed.current(pad.isEmpty() ? undefined : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', stroke);
    padRef.current = pad;
    return () => {
      pad.removeEventListener('endStroke', stroke);
      pad.off();
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    changed.current(undefined);
  };

  return (
    <div className="gg-signature">
      <canvas ref={canvasRef} data-testid="signature-canvas" aria-label={t('inspections.signOff.signatureArea')} style={{ height: HEIGHT }} />
      <Button onClick={clear}>{t('inspections.signOff.clear')}</Button>
    </div>
  );
}
