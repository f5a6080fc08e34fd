import { certificatesFor, deliveryFor, newPickupCode } from './certificate-issue.js';

describe('certificatesFor', () => {
  it('numbers one certificate per result after the case', () => {
    expect(
      certificatesFor('330106202611230001X', [
        { department: 'SAMR', name: '营业执照' },
        { department: 'PSB', name: '印章备案回执' },
      ]),
    ).toEqual([
      { certificateNo: 'CERT-330106202611230001X-01', name: '营业执照', department: 'SAMR' },
      { certificateNo: 'CERT-330106202611230001X-02', name: '印章备案回执', department: 'PSB' },
    ]);
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
