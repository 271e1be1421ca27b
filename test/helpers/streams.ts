/**
 * Small helpers shared by tests: gather a byte stream, and name the error a call raises.
 */

/** Gathers an async iterable of chunks into one Buffer. */
export async function collectBuffer(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The `ArrowSusError` code a function throws, `'none'`, or `'UNTYPED: …'` for anything else. */
export function codeOf(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (error) {
    return typedCode(error);
  }
}

/** Async twin of {@link codeOf}. */
export async function codeOfAsync(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'none';
  } catch (error) {
    return typedCode(error);
  }
}

function typedCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (error as Error).name === 'ArrowSusError' ? code : `UNTYPED: ${String(error)}`;
}
