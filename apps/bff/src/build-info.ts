// What is running, for the floorwatch_build_info metric and the start-up line. The commit is
// stamped by the build (scripts/bundle.mjs); running from TypeScript sources it is "source".
import pkg from '../package.json' with { type: 'json' };

declare const __FLOORWATCH_BUILD__: { commit: string; builtAt: string } | undefined;

export const BUILD_INFO = {
  version: pkg.version,
  commit: typeof __FLOORWATCH_BUILD__ === 'undefined' ? 'source' : __FLOORWATCH_BUILD__.commit,
  node: process.versions.node,
} as const;
