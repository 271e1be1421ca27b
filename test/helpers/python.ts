/**
 * Python reference tools in tests: whether a module is importable, and a visible skip when not.
 */
import { execFileSync } from 'node:child_process';

const known = new Map<string, boolean>();

/** Whether `python3 -c "import MODULE"` works (cached per module). */
export function pythonHas(module: string): boolean {
  let has = known.get(module);
  if (has === undefined) {
    try {
      execFileSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' });
      has = true;
    } catch {
      has = false;
    }
    known.set(module, has);
  }
  return has;
}

/**
 * Skips the running test, saying why in the output, unless the Python module is importable.
 * Returns true when the test may go on.
 */
export function requirePython(context: { skip(): void }, module: string): boolean {
  if (pythonHas(module)) return true;
  console.warn(`[arrow-sus tests] skipping: ${module} is not importable (pip install ${module})`);
  context.skip();
  return false;
}
