import { stillPending } from './still-pending.js';

const M03 = { code: 'M03', name: '设备布局文件', reason: 'MISSING' };
const M04 = { code: 'M04', name: '管理制度', reason: 'MISSING' };

describe('what a held issuance still waits for', () => {
  it('shrinks with each supplement and ends empty whatever the order', () => {
    const afterFirst = [M04];
    const afterSecond: typeof afterFirst = [];
    expect(stillPending(stillPending([M03, M04], afterFirst), afterSecond)).toEqual([]);
    // The later supplement handled first: the earlier one cannot put M04 back.
    expect(stillPending(stillPending([M03, M04], afterSecond), afterFirst)).toEqual([]);
  });

  it('never adds what was not owed, and matches materials without a code by name', () => {
    expect(stillPending([M03], [M03, M04])).toEqual([M03]);
    expect(stillPending([{ name: '现场照片' }], [{ name: '现场照片 ' }])).toEqual([{ name: '现场照片' }]);
    expect(stillPending([], [])).toEqual([]);
  });
});
