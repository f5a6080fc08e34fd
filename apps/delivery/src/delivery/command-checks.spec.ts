import { commandProblems, isDeliveryId } from './command-checks.js';

const actor = { id: 'courier-1', role: 'COURIER' as const };

describe('commandProblems', () => {
  it('lists every missing field at once', () => {
    const problems = commandProblems({ actor, data: {} }, { carrier: 32, waybillNo: 64 });
    expect(problems.map((p) => p.field)).toEqual(['deliveryId', 'carrier', 'waybillNo']);
  });

  it('refuses a command without an actor and an over-long field', () => {
    const problems = commandProblems({ data: { deliveryId: 'x', signedBy: 'y'.repeat(65) } } as never, { signedBy: 64 });
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual(['actor:required', 'signedBy:maxLength']);
  });

  it('accepts a complete command', () => {
    expect(commandProblems({ actor, data: { deliveryId: 'x', signedBy: '张三' } }, { signedBy: 64 })).toEqual([]);
  });
});

describe('isDeliveryId', () => {
  it('knows a UUID from anything else', () => {
    expect(isDeliveryId('019a7c3e-1f2a-7b3c-8d4e-5f6a7b8c9d0e')).toBe(true);
    expect(isDeliveryId('no-such-delivery')).toBe(false);
  });
});
