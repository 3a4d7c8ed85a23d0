/** A quarantine order as the API answers it (features/quarantine tests). */
export const ORDER = {
  id: 'o1',
  number: 'Q20261207-1',
  person: { name: '张三', resident: true, residentId: 'r1', documentType: 'MAINLAND_ID', documentNumberMasked: '1101**********1234', phoneMasked: '138****0000' },
  kind: 'HOME_ISOLATION',
  reason: 'CLOSE_CONTACT',
  status: 'ACTIVE',
  startsOn: '2026-12-07',
  endsOn: '2026-12-20',
  communityId: 'c1',
  gridCellId: 'g1',
  cellName: '一网格',
  areaId: 'a1',
  createdBy: 'leader1',
  createdAt: '2026-12-07T01:00:00Z',
  version: 3,
};
