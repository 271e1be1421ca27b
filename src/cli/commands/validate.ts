/**
 * `arrow-sus validate cpf|cnpj|cns|cnes|ibge|cid10 VALUE... [--json] [--strict]`: checks Brazilian
 * document numbers and codes, one result line per value. `-` reads values from stdin, one per line.
 * It is a report: the exit code is 0 even when values are invalid, unless `--strict` (then 1).
 *
 * @module
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
// The single-value validators, not the package index (whose column validators load apache-arrow).
import { validateCid10 } from '../../brazil/validate/cid10.js';
import { validateCnes } from '../../brazil/validate/cnes.js';
import { validateCnpj } from '../../brazil/validate/cnpj.js';
import { validateCns } from '../../brazil/validate/cns.js';
import { validateCpf } from '../../brazil/validate/cpf.js';
import { validateIbgeMunicipality } from '../../brazil/validate/ibge.js';
import type { ValidationResult } from '../../brazil/validate/result.js';
import { ArrowSusError, throwIfAborted } from '../../errors.js';
import { writeLine, type CliContext } from '../context.js';
import { ExitRequest } from '../run.js';

type Kind = 'cpf' | 'cnpj' | 'cns' | 'cnes' | 'ibge' | 'cid10';

const VALIDATORS: Record<Kind, (value: string) => ValidationResult & { warning?: string }> = {
  cpf: validateCpf,
  cnpj: validateCnpj,
  cns: validateCns,
  cnes: validateCnes,
  ibge: validateIbgeMunicipality,
  cid10: (value) => validateCid10(value),
};

async function* valuesOf(values: readonly string[], ctx: CliContext): AsyncGenerator<string> {
  for (const value of values) {
    if (value !== '-') {
      yield value;
      continue;
    }
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      throwIfAborted(ctx.signal);
      if (line.trim() !== '') yield line.trim();
    }
  }
}

/**
 * Registers `validate`.
 *
 * @example
 * ```sh
 * arrow-sus validate cpf 529.982.247-25 52998224724
 * arrow-sus validate cnpj 12.ABC.345/01DE-35 --json
 * cut -d, -f3 cns.csv | arrow-sus validate cns - --json --strict
 * ```
 */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check CPF, CNPJ (numeric and alphanumeric), CNS, CNES, IBGE municipality or CID-10 codes; "-" reads values from stdin')
    .argument('<kind>', 'cpf, cnpj, cns, cnes, ibge or cid10')
    .argument('<values...>', 'values to check, or - to read one per line from stdin')
    .option('--json', 'one JSON object per line: {"value","valid"} plus "reason" when invalid (and "warning" for a CNES check digit)')
    .option('--strict', 'exit with status 1 when any value is invalid (default: 0, the output is the report)')
    .action(async (kind: string, values: string[], options: { json?: boolean; strict?: boolean }) => {
      const validator = VALIDATORS[kind.toLowerCase() as Kind] as ((value: string) => ValidationResult & { warning?: string }) | undefined;
      if (validator === undefined) {
        throw new ArrowSusError('INVALID_ARGUMENT', `validate: unknown kind "${kind}" (use ${Object.keys(VALIDATORS).join(', ')})`);
      }
      let invalid = 0;
      for await (const value of valuesOf(values, ctx)) {
        const result = validator(value);
        if (!result.valid) invalid++;
        const reason = result.valid ? undefined : result.reason;
        if (options.json === true) {
          await writeLine(ctx.stdout, JSON.stringify({ value, valid: result.valid, ...(reason === undefined ? {} : { reason }), ...(result.warning === undefined ? {} : { warning: result.warning }) }));
        } else {
          const detail = reason !== undefined ? `invalid (${reason})` : result.warning !== undefined ? `valid (warning: ${result.warning})` : 'valid';
          await writeLine(ctx.stdout, `${value}\t${detail}`);
        }
      }
      if (options.strict === true && invalid > 0) throw new ExitRequest(1);
    });
}
