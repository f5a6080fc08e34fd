export * from './id-card.js';
export * from './credit-code.js';
export * from './mod11-2.js';
export * from './phone.js';
export * from './provinces.js';
export * from './mask.js';
export * from './input-rules.js';
export * from './form-fields.js';
