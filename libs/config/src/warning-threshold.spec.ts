import { loadConfig } from './index.js';

describe('WARNING_THRESHOLD', () => {
  it('is 0.8 unless set, and any share strictly between 0 and 1 when set', () => {
    expect(loadConfig('routing', {}).warningThreshold).toBe(0.8);
    expect(loadConfig('routing', { WARNING_THRESHOLD: '' }).warningThreshold).toBe(0.8);
    expect(loadConfig('approval', { WARNING_THRESHOLD: '0.5' }).warningThreshold).toBe(0.5);
  });

  it('stops the service at start when it is anything else', () => {
    for (const bad of ['80', '1', '0', '-0.2', 'abc', 'NaN', 'Infinity']) {
      expect(() => loadConfig('approval', { WARNING_THRESHOLD: bad })).toThrow(`[approval] bad configuration: WARNING_THRESHOLD must be between 0 and 1 (exclusive), got "${bad}"`);
    }
  });
});
