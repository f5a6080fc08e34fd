export * from './key-material.js';
export * from './pii-keyring.js';
export * from './sealed-fields.js';
