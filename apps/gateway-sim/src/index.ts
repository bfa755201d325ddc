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
export type { ScenarioDef, SkillDef, AgentDef } from './engine/types';
export {
  buildScenario,
  seedScenario,
  smallScenario,
  largeScenario,
  SCENARIO_NAMES,
  type ScenarioName,
} from './scenarios/index';
