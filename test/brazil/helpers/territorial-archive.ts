/**
 * A small but realistic territorial base archive, laid out like the DataSUS releases of 2024–2026:
 * `;`-delimited UTF-8 CSVs except `tb_regsaud.csv`, which is `,`-delimited.
 */
import { writeZip } from './zip-writer.js';

/** The municipalities in the generated archive. */
export const SAMPLE_MUNICIPALITIES = [
  // code6, code7, name, region (CO_REGSAUD), macro (CO_MACSAUD), status
  ['310620', '3106200', 'Belo Horizonte', '31016', '3103', 'ATIVO'],
  ['317020', '3170206', 'Uberlândia', '31070', '3113', 'ATIVO'],
  ['355030', '3550308', 'São Paulo', '35016', '3501', 'ATIVO'],
  ['260545', '2605459', 'Fernando de Noronha', '26001', '2601', 'ATIVO'],
  ['220191', '2201919', 'Bom Princípio do Piauí', '22002', '2201', 'ATIVO'],
  ['431453', '4314530', 'Pinto Bandeira (extinto)', '', '', 'EXTINTO'],
] as const;

/** Builds the archive bytes. */
export function buildTerritorialArchive(): Uint8Array {
  const municip = [
    'CO_MUNICIP;CO_MUNICDV;DS_NOME;DS_NOMEPAD;CO_UF;UF;CO_STATUS',
    ...SAMPLE_MUNICIPALITIES.map(([c6, c7, name, , , status]) => `${c6};${c7};${name};${name.toUpperCase()};${c6.slice(0, 2)};XX;${status}`),
  ].join('\r\n');
  const regsaud = [
    'CO_REGSAUD,DS_NOME,DS_NOMEPAD',
    '31016,"Belo Horizonte/Nova Lima/Caeté",BELO HORIZONTE/NOVA LIMA/CAETE',
    '31070,Uberlândia/Araguari,UBERLANDIA/ARAGUARI',
    '35016,São Paulo,SAO PAULO',
    '26001,I Região - Recife,I REGIAO - RECIFE',
    '22002,Cocais,COCAIS',
  ].join('\r\n');
  const macsaud = [
    'CO_MACSAUD;DS_NOME;DS_ABREV;CO_STATUS',
    '3103;Macrorregião de Saúde Centro;Centro;S',
    '3113;Macrorregião de Saúde Triângulo do Norte;Triângulo do Norte;S',
    '3501;Macrorregião RRAS 6;RRAS 6;S',
    '2601;Macrorregião Metropolitana;Metropolitana;S',
    '2201;Macrorregião Litoral;Litoral;S',
  ].join('\r\n');
  const rlRegsaud = ['CO_MUNICIP;CO_REGSAUD', ...SAMPLE_MUNICIPALITIES.filter((m) => m[3] !== '').map(([c6, , , r]) => `${c6};${r}`)].join('\r\n');
  // Macro-regions for two municipalities come only through rl_regsaud_macsaud, as a parser must handle.
  const rlMacsaud = ['CO_MUNICIP;CO_MACSAUD', ...SAMPLE_MUNICIPALITIES.filter((m) => m[4] !== '' && m[0] !== '355030' && m[0] !== '260545').map(([c6, , , , mac]) => `${c6};${mac}`)].join('\r\n');
  const rlRegMac = ['CO_REGSAUD;CO_MACSAUD', '35016;3501', '26001;2601'].join('\r\n');
  return writeZip([
    { name: 'tb_municip.csv', data: municip },
    { name: 'tb_regsaud.csv', data: regsaud },
    { name: 'tb_macsaud.csv', data: macsaud },
    { name: 'rl_municip_regsaud.csv', data: rlRegsaud },
    { name: 'rl_municip_macsaud.csv', data: rlMacsaud },
    { name: 'rl_regsaud_macsaud.csv', data: rlRegMac, method: 0 },
    { name: 'tb_uf.csv', data: 'CO_UF;DS_SIGLA\r\n31;MG' },
  ]);
}
