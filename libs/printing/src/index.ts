export * from './chinese-capitals.js';
export * from './html.js';
export * from './money.js';
export * from './qr.js';
export * from './pdf.js';
export * from './paper-time.js';
