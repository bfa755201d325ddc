export * from './gateway/index';
export * from './api/index';
