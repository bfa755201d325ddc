export * from './codes';
export * from './wire';
export * from './routes';
export * from './all-online-agents';
