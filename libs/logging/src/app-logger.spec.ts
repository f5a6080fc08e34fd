import { AppLogger } from './app-logger.js';
import { withCorrelationId } from './correlation.js';

describe('the service logger', () => {
  let written: string[];
  const realWrite = process.stdout.write;

  beforeEach(() => {
    written = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
  });

  afterEach(() => {
    process.stdout.write = realWrite;
  });

  it('writes one JSON object per line with the correlation id of the work in hand, and no personal data', () => {
    const logger = new AppLogger('intake', 'log', 'json');
    withCorrelationId('corr-1', () => logger.log('accepted for 11010519491231002X, phone 13800138000', 'AcceptCase'));
    const line = JSON.parse(written.join('').trim());
    expect(line).toMatchObject({ level: 'log', service: 'intake', context: 'AcceptCase', correlationId: 'corr-1' });
    expect(line.message).toBe('accepted for 1101**********002X, phone 138****8000');
  });

  it('leaves the correlation id out when no work is in hand', () => {
    new AppLogger('intake', 'log', 'json').log('started', 'bootstrap');
    expect(JSON.parse(written.join('').trim()).correlationId).toBeUndefined();
  });

  it('never throws, whatever it is handed: an error without a stack, objects, BigInt, a circular object', () => {
    const logger = new AppLogger('intake', 'log', 'text');
    const realErr = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      expect(() => logger.error('rpc failed without a stack')).not.toThrow();
      expect(() => logger.error(undefined as unknown as string)).not.toThrow();
      expect(() => logger.error({ big: 1n } as unknown as string, undefined, 'ctx')).not.toThrow();
      expect(() => logger.warn(circular as unknown as string)).not.toThrow();
      expect(() => new AppLogger('intake', 'log', 'json').error(circular as unknown as string, 'stack 13800138000')).not.toThrow();
    } finally {
      process.stderr.write = realErr;
    }
    expect(written.join('')).toContain('rpc failed without a stack');
    expect(written.join('')).not.toContain('13800138000');
  });
});
