// Scenario loading and the step runner.
export { loadScenario, loadScenarioFiles, type LoadOptions, type LoadResult, type ScenarioSource } from './load';
export { ScenarioRunner, SCENARIO_COMPONENT, POD_ACTION_DONE } from './runner';
export { parseGoDuration, parseAt } from '../sim/duration';
export * from './types';
