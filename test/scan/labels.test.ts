import { describe, expect, it } from 'vitest';
import { Field, Schema, Utf8 } from 'apache-arrow';
import { labelStage, labelSystemFor } from '../../src/scan/labels.js';
import { runCli } from '../helpers/cli.js';
import { describeShared, fixturePath } from '../helpers/shared.js';

describe('label stage', () => {
  it('picks the dictionary from system and group, and passes other datasets through', () => {
    expect(labelSystemFor('SINAN', 'DENG')).toBe('SINAN-DENG');
    expect(labelSystemFor('SIM', 'DO')).toBe('SIM');
    expect(labelSystemFor('SIA', 'PA')).toBe('SIA-PA');
    expect(labelSystemFor('SIA', 'BI')).toBeUndefined();
    const none = labelStage('SIA', 'BI');
    const schema = new Schema([new Field('X', new Utf8(), true)]);
    expect(none.schema(schema)).toBe(schema);
  });

  it('turns coded columns into dictionary columns in the schema', () => {
    const stage = labelStage('SIM', 'DO');
    const schema = stage.schema(new Schema([new Field('SEXO', new Utf8(), true), new Field('CODMUNRES', new Utf8(), true)]));
    expect(String(schema.fields[0]!.type)).toMatch(/^Dictionary</);
    expect(String(schema.fields[1]!.type)).toBe('Utf8');
  });
});

describeShared('--labels on real files', () => {
  it('convert decodes SIM codes with the SIM dictionary', async () => {
    const result = await runCli(['convert', fixturePath('dbc/DOAC2013.dbc'), '-o', '-', '-f', 'ndjson', '--labels', '--columns', 'SEXO,RACACOR', '-q']);
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { SEXO: string | null; RACACOR: string | null });
    expect(rows).toHaveLength(3318);
    expect(new Set(rows.map((r) => r.SEXO))).toEqual(new Set(['Masculino', 'Feminino', 'Ignorado']));
    expect(rows.every((r) => r.RACACOR === null || !/^\d+$/.test(r.RACACOR))).toBe(true);
  });
});
