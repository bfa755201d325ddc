export * from './codes';
export * from './wire';
export * from './routes';
