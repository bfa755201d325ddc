// Public entry of @floorwatch/gateway-sim: the simulator, and the engine and scenarios for tests.
export {
  startSimulator,
  resolveOptions,
  CONTROL_BASE_PATH,
  type SimulatorOptions,
  type RunningSimulator,
  type RunningSimulatorWithContext,
} from './api/server';
export { SimContext, type ResolvedOptions } from './api/context';
export { ROUTE_NAMES, type RouteName } from './api/counters';
export { FAULT_KINDS, type FaultKind, type FaultRequest } from './api/faults';
export { REFUSAL_MODES, type RefusalMode } from './api/rate-limiter';
export type { SessionRecord, SignInRecord, SignOutRecord } from './api/signin-log';
export type { EndReason } from './api/sessions';
export { SUPERVISOR_FIRST, SUPERVISOR_LAST } from './api/accounts';
export { ContactCentreEngine, CTI_FOR_STATUS, STEP_MS, type AgentRuntime } from './engine/engine';
export {
  AllOnlineAgentsSerializer,
  agentWire,
  acdStatWire,
  vdnSkillsWire,
} from './engine/payloads';
export { mulberry32 } from './engine/prng';
export { loadFactor } from './engine/load-curve';
export { BUSY_REASONS, REST_REASONS, type ReasonDef } from './engine/reasons';
export { NONE_16, NONE_8 } from './engine/types';
export type { ScenarioDef, SkillDef, AgentDef, StuckAgent } from './engine/types';
export {
  buildScenario,
  seedScenario,
  smallScenario,
  largeScenario,
  denseScenario,
  SCENARIO_NAMES,
  type ScenarioName,
} from './scenarios/index';
export { LOCALES, type Locale } from './scenarios/locale';
export { LARGE_STUCK_WRAPUP } from './scenarios/large';
export { DENSE_AGENTS, DENSE_QUEUES, DENSE_SKILLS_PER_AGENT } from './scenarios/dense';
