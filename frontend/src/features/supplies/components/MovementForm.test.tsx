import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import type { Item, Place } from '../api/supplies';
import { MovementForm, movementBody } from './MovementForm';

const PLACES: Place[] = [{ id: 'p1', kind: 'COMMUNITY_OFFICE', name: '居委会物资室', areaId: 'a1', communityId: 'c1', version: 0 }];
const ITEMS: Item[] = [{ id: 'i1', name: '医用外科口罩', unit: '只', unitKind: 'COUNT', category: 'PROTECTIVE_EQUIPMENT', active: true, version: 0 }];

async function pick(label: string, option: string) {
  const select = screen.getAllByLabelText(label)[0] as HTMLElement;
  fireEvent.mouseDown(select);
  fireEvent.click(await screen.findByTitle(option));
}

describe('MovementForm', { timeout: 120_000 }, () => {
  it('builds the body of each kind from the form', () => {
    const v = { placeId: 'p1', toPlaceId: 'p2', donor: ' 商会 ', reason: ' 过期 ', toPerson: '王师傅', issuedTo: 'PERSON' as const, lines: [{ itemId: 'i1', quantity: 5 }] };
    expect(movementBody('DONATION_IN', v)).toEqual({ placeId: 'p1', donor: '商会', lines: [{ itemId: 'i1', quantity: 5 }], note: undefined });
    expect(movementBody('TRANSFER', v)).toMatchObject({ placeId: 'p1', toPlaceId: 'p2' });
    expect(movementBody('WRITE_OFF', v)).toEqual({ placeId: 'p1', reason: '过期', lines: [{ itemId: 'i1', quantity: 5 }] });
    expect(movementBody('ISSUE_OUT', v)).toMatchObject({ issuedTo: 'PERSON', toPerson: '王师傅' });
  });

  it('refuses a fraction of a counted item before sending, then issues with an Idempotency-Key and shows a shortfall', async () => {
    const posted: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      if (req.method === 'POST') {
        posted.push(req.clone());
        return Promise.resolve(jsonResponse({ type: 'conflict', title: 'Conflict', status: 409, detail: 'Not enough stock: 医用外科口罩: 3 on hand, 5 asked' }, 409));
      }
      return Promise.resolve(jsonResponse([]));
    });
    renderWithApp(<MovementForm kind="ISSUE_OUT" places={PLACES} items={ITEMS} />, { roles: ['grid-leader'], fetch });
    await pick('物资点', '居委会物资室');
    fireEvent.change(screen.getByLabelText('领取人'), { target: { value: '卡口值守 王师傅' } });
    await pick('物资', '医用外科口罩 (只)');
    const quantity = screen.getByLabelText('数量');
    fireEvent.change(quantity, { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: '发放' }));
    expect(await screen.findByText('此物资按件计，须为整数')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    fireEvent.change(quantity, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '发放' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const req = posted[0]!;
    expect(new URL(req.url).pathname).toBe('/api/v1/supplies/movements/issues');
    expect(req.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await req.json()).toMatchObject({ placeId: 'p1', issuedTo: 'PERSON', toPerson: '卡口值守 王师傅', lines: [{ itemId: 'i1', quantity: 5 }] });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/3 on hand, 5 asked/)).toBeInTheDocument();
  });
});
