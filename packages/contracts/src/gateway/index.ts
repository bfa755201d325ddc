export * from './codes';
export * from './wire';
