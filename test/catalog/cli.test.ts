import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('arrow-sus systems', () => {
  it('prints a table of systems', async () => {
    const r = await runCli(['systems']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SYSTEM\s+GROUPS\s+PERIODS\s+DESCRIPTION$/);
    expect(lines.find((l) => l.startsWith('SIH '))).toMatch(/^SIH\s+7\s+1992-01 – 2026-\d\d…\s+Hospital admissions/);
  });

  it('prints one JSON object per system with --json', async () => {
    const r = await runCli(['systems', '--json']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.find((row) => row['system'] === 'CNES')).toMatchObject({ groups: 13, datasets: 13, from: '2005-08', ongoing: true });
    expect(rows.find((row) => row['system'] === 'SIM')).toMatchObject({ from: '1979', groups: 6 });
  });
});

describe('arrow-sus describe', () => {
  it('shows groups, periods, coverage, folders and name rules', async () => {
    const r = await runCli(['describe', 'sih']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sih-rd  [RD]');
    expect(r.stdout).toContain('/dissemin/publicos/SIHSUS/199201_200712/Dados');
    expect(r.stdout).toMatch(/1992-01–2007-12\s+RD<UF><YY><MM>\.dbc\|dbf/);
  });

  it('prints one JSON document with --json', async () => {
    const r = await runCli(['describe', 'CIHA', '--json']);
    const doc = JSON.parse(r.stdout) as { system: string; datasets: { id: string; missing_ufs: string[]; folders: { names: string }[] }[] };
    expect(doc.system).toBe('CIHA');
    expect(doc.datasets[0]).toMatchObject({ id: 'ciha', missing_ufs: ['RR'] });
    expect(doc.datasets[0]?.folders[0]?.names).toBe('CIHA<UF><YY><MM>.dbc|dbf');
  });

  it('fails with CATALOG_UNKNOWN_SYSTEM', async () => {
    const r = await runCli(['describe', 'NOPE']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^arrow-sus: CATALOG_UNKNOWN_SYSTEM: /);
  });
});

describe('arrow-sus catalog parse', () => {
  const input = ['/dissemin/publicos/SIM/CID9/DORES/DORAC79.DBC', 'PASP1112a.dbc', '', 'not a datasus file.txt', 'BIMG2412_2.dbc\r'].join('\n');

  it('prints one JSON line per path, nulls for unknown fields', async () => {
    const r = await runCli(['catalog', 'parse', '--json'], { stdin: input });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      { path: '/dissemin/publicos/SIM/CID9/DORES/DORAC79.DBC', dataset: 'sim-do-cid09', system: 'SIM', group: 'DO', uf: 'AC', year: 1979, month: null, part: null, kind: 'data' },
      { path: 'PASP1112a.dbc', dataset: 'sia-pa', system: 'SIA', group: 'PA', uf: 'SP', year: 2011, month: 12, part: 'a', kind: 'data' },
      { path: 'not a datasus file.txt', dataset: null, system: null, group: null, uf: null, year: null, month: null, part: null, kind: 'data' },
      { path: 'BIMG2412_2.dbc', dataset: 'sia-bi', system: 'SIA', group: 'BI', uf: 'MG', year: 2024, month: 12, part: '2', kind: 'data' },
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual(['path', 'dataset', 'system', 'group', 'uf', 'year', 'month', 'part', 'kind']);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['catalog', 'parse'], { stdin: input });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DATASET\s+UF\s+PERIOD\s+PART\s+KIND\s+PATH$/);
    expect(lines[2]).toMatch(/^sia-pa\s+SP\s+2011-12\s+a\s+data\s+PASP1112a\.dbc$/);
    expect(lines[3]).toMatch(/^\?\s+-\s+-\s+-\s+data\s+not a datasus file\.txt$/);
  });

  it('streams 200,000 lines', async () => {
    const names: string[] = [];
    for (let i = 0; i < 200_000; i += 1) names.push(`/dissemin/publicos/SIHSUS/200801_/Dados/RDSP${String(8 + (i % 18)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}.dbc`);
    const r = await runCli(['catalog', 'parse', '--json'], { stdin: `${names.join('\n')}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(200_000);
    expect(JSON.parse(lines[199_999] ?? '{}')).toMatchObject({ dataset: 'sih-rd', uf: 'SP' });
  });
});
