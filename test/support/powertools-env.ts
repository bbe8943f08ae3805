// Powertools reads some settings from the environment itself, beside the configuration Guildhall hands
// it. `npm test` runs the browser project's local stack in the same process tree, and that stack sets
// POWERTOOLS_METRICS_DISABLED and POWERTOOLS_TRACE_ENABLED for its own quiet console (local-stack.ts):
// a test that reads Powertools' output clears them first, and puts them back after.
const readByPowertools = ['POWERTOOLS_METRICS_DISABLED', 'POWERTOOLS_TRACE_ENABLED', 'POWERTOOLS_DEV'];

/** Clears the variables Powertools reads itself; returns what puts them back. */
export function clearPowertoolsEnv(): () => void {
  const saved = readByPowertools.map((name) => [name, process.env[name]] as const);
  for (const name of readByPowertools) delete process.env[name];
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
