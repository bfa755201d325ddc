// The BFF's public API: the schemas (docs/api.md is generated from them) and the value equality
// both ends use. equality.ts derives from schemas.ts, never the other way round.
export * from './schemas';
export * from './equality';
export * from './floor-settings';
export * from './signed-in';
