export * from './data-source.js';
export * from './migrate.js';
export * from './sql.js';
export * from './unique-violation.js';
export * from './cursor.js';
export * from './query-logger.js';
export * from './audit-chain.js';
export * from './canonical-json.js';
