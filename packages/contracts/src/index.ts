export * from './gateway/index';
export * from './api/index';
export * from './backoff';
