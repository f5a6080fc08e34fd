import { redact } from './redact.js';

describe('redacting personal data from log lines', () => {
  it('masks resident ID numbers, credit codes and mobile numbers wherever they appear', () => {
    expect(redact('applicant 11010519491231002X failed')).toBe('applicant 1101**********002X failed');
    expect(redact('org 91350100M000100Y43 ok')).toBe('org 9135**********0Y43 ok');
    expect(redact('call 13800138000.')).toBe('call 138****8000.');
  });

  it('leaves case numbers, uuids and amounts alone', () => {
    const line = 'case 510704202611230000427 task 01a20900-89e2-7300-b3e9-6c4d6923c379 paid 9000 fen';
    expect(redact(line)).toBe(line);
  });
});
