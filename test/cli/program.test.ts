import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('cli frame', () => {
  it('prints help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('arrow-sus');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['no-such-command']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: (unknown command|too many arguments)/i);
  });
});
