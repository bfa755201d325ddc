// The BFF's public API: the schemas (docs/api.md is generated from them), the value equality
// and field-level changes both ends use, and the cheap shape check of stream messages.
// equality.ts derives from schemas.ts, delta.ts from both; never the other way round.
export * from './schemas';
export * from './stream-v2';
export * from './equality';
export * from './delta';
export * from './shape-check';
export * from './floor-settings';
export * from './site-locale';
export * from './signed-in';
export * from './field-issue';
