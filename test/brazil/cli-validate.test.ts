/**
 * `arrow-sus validate`: readable and JSON lines, stable reason codes, stdin with `-`, exit codes.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const jsonLines = (text: string): unknown[] => text.trim().split('\n').map((line) => JSON.parse(line) as unknown);

describe('arrow-sus validate', () => {
  it('prints one JSON line per value with a reason when invalid, and exits 0', async () => {
    const result = await runCli(['validate', 'cpf', '529.982.247-25', '52998224724', '11111111111', '123', '--json']);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      { value: '529.982.247-25', valid: true },
      { value: '52998224724', valid: false, reason: 'check_digit' },
      { value: '11111111111', valid: false, reason: 'repeated_digits' },
      { value: '123', valid: false, reason: 'length' },
    ]);
  });
  it('accepts alphanumeric CNPJs and reports the CNES check digit as a warning', async () => {
    const cnpj = await runCli(['validate', 'cnpj', '12.ABC.345/01DE-35', '12ABC34501DE36', '--json']);
    expect(jsonLines(cnpj.stdout)).toEqual([
      { value: '12.ABC.345/01DE-35', valid: true },
      { value: '12ABC34501DE36', valid: false, reason: 'check_digit' },
    ]);
    const cnes = await runCli(['validate', 'cnes', '2321742', '2321743', '--json']);
    expect(jsonLines(cnes.stdout)).toEqual([
      { value: '2321742', valid: true },
      { value: '2321743', valid: true, warning: 'check_digit' },
    ]);
  });
  it('reads values from stdin with "-" and prints readable lines without --json', async () => {
    const result = await runCli(['validate', 'cns', '-'], { stdin: '700000000000005\n\n300000000000003\r\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('700000000000005\tvalid\n300000000000003\tinvalid (prefix)\n');
  });
  it('--strict exits 1 when a value is invalid, 0 when all are valid', async () => {
    expect((await runCli(['validate', 'ibge', '3550308', '3550307', '--strict'])).code).toBe(1);
    expect((await runCli(['validate', 'ibge', '3550308', '5203939', '--strict'])).code).toBe(0);
  });
  it('an unknown kind is a usage error (exit 2, INVALID_ARGUMENT)', async () => {
    const result = await runCli(['validate', 'rg', '123']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/INVALID_ARGUMENT/);
  });
});
