import { certificatePayload, deliveryFor, newPickupCode } from './certificate-issue.js';

describe('certificatePayload', () => {
  const facts = {
    certificateNo: 'SAMR-20260010000427',
    result: { department: 'SAMR', name: '食品经营许可证', validityYears: 5 },
    itemCode: 'FOOD-BIZ',
    itemName: '食品经营许可',
    holderName: '张三丰',
    holderIdMasked: '1101**********002X',
    // 2026-12-01T17:30:00Z is 2 December in Shanghai: the dates are Shanghai dates.
    issuedAt: new Date('2026-12-01T17:30:00Z'),
    kid: 'kid-1',
  };

  it('carries the number, title, item, masked holder, department, Shanghai issue date and last valid day', () => {
    expect(certificatePayload(facts)).toEqual({
      v: 1,
      kid: 'kid-1',
      no: 'SAMR-20260010000427',
      name: '食品经营许可证',
      item: 'FOOD-BIZ',
      itemName: '食品经营许可',
      holder: { name: '张**', id: '1101**********002X' },
      dept: 'SAMR',
      issued: '2026-12-02',
      validUntil: '2031-12-01',
    });
  });

  it('has no validUntil where the catalog sets no validity', () => {
    expect(certificatePayload({ ...facts, result: { department: 'PSB', name: '印章备案回执' } })).not.toHaveProperty('validUntil');
  });
});

describe('deliveryFor', () => {
  it('gives a window delivery a six-digit pickup code and no address', () => {
    const d = deliveryFor({ method: 'WINDOW' }, '张三');
    expect(d.method).toBe('WINDOW');
    expect(d.pickupCode).toMatch(/^\d{6}$/);
    expect(d.recipient).toBeNull();
  });

  it('sends a courier parcel to the applicant when no recipient is named', () => {
    expect(deliveryFor({ method: 'COURIER', phone: '13800138000', address: '杭州市西湖区文三路 1 号' }, '张三')).toEqual({
      method: 'COURIER',
      pickupCode: null,
      recipient: '张三',
      phone: '13800138000',
      address: '杭州市西湖区文三路 1 号',
    });
  });

  it('keeps a named recipient', () => {
    expect(deliveryFor({ method: 'COURIER', recipient: '李四', phone: '1', address: 'a' }, '张三').recipient).toBe('李四');
  });
});

describe('newPickupCode', () => {
  it('is always six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newPickupCode()).toMatch(/^\d{6}$/);
  });
});

describe('deliveryFor with a structured address (邮寄送达)', () => {
  it('keeps the address by level, the province in full, and its one-line form for the label', () => {
    const d = deliveryFor(
      { method: 'COURIER', phone: '13800138000', postalAddress: { province: '四川', city: ' 绵阳市', district: '游仙区', detail: '示范路 1 号 ' } },
      '张三',
    );
    expect(d.postalAddress).toEqual({ province: '四川省', city: '绵阳市', district: '游仙区', detail: '示范路 1 号' });
    expect(d.address).toBe('四川省绵阳市游仙区示范路 1 号');
  });
});
