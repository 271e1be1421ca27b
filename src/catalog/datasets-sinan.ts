/**
 * SINAN, notifiable diseases: national yearly files `CODEBRYY.dbc` in `SINAN/DADOS/FINAIS` (closed years) and
 * `SINAN/DADOS/PRELIM` (open years). The same year may sit in both folders for a while (DIFT 2023,
 * TETA 2023, COQU 2024 on 2026-04-30): resolution prefers FINAIS. Open-data exports of the same tables
 * (`Dados_Abertos/SINAN/<Disease>/<format>/CODEBRYY.<format>.zip`) are an alternate format.
 *
 * @module
 */
import { covers, dataset, folder, names } from './define.js';
import type { Dataset } from './types.js';

interface Disease {
  readonly code: string;
  readonly description: string;
  readonly namePt: string;
  readonly from: string;
  readonly to: string;
  /** Misnamed files seen on the server (`LERBR19.dbc` for LERD). */
  readonly aliases?: readonly string[];
}

/** Every disease code with files on the FTP (2025-02 to 2026-08 listings), first and last year seen. */
const DISEASES: readonly Disease[] = [
  { code: 'ACBI', description: 'Work accidents with biological material', namePt: 'Acidente de trabalho com material biológico', from: '2006', to: '2026' },
  { code: 'ACGR', description: 'Serious work accidents', namePt: 'Acidente de trabalho grave', from: '2006', to: '2026' },
  { code: 'AIDA', description: 'AIDS in adults', namePt: 'AIDS em adultos', from: '2007', to: '2024' },
  { code: 'AIDC', description: 'AIDS in children', namePt: 'AIDS em crianças', from: '2007', to: '2024' },
  { code: 'ANIM', description: 'Venomous animal accidents', namePt: 'Acidente por animais peçonhentos', from: '2007', to: '2026' },
  { code: 'ANTR', description: 'Human anti-rabies care', namePt: 'Atendimento antirrábico humano', from: '2006', to: '2026' },
  { code: 'BOTU', description: 'Botulism', namePt: 'Botulismo', from: '2007', to: '2026' },
  { code: 'CANC', description: 'Work-related cancer', namePt: 'Câncer relacionado ao trabalho', from: '2007', to: '2026' },
  { code: 'CHAG', description: 'Acute Chagas disease', namePt: 'Doença de Chagas aguda', from: '2000', to: '2025' },
  { code: 'CHIK', description: 'Chikungunya fever', namePt: 'Febre de Chikungunya', from: '2014', to: '2026' },
  { code: 'COLE', description: 'Cholera', namePt: 'Cólera', from: '2007', to: '2025' },
  { code: 'COQU', description: 'Whooping cough', namePt: 'Coqueluche', from: '2007', to: '2026' },
  { code: 'DCRJ', description: 'Creutzfeldt-Jakob disease', namePt: 'Doença de Creutzfeldt-Jakob', from: '2007', to: '2024' },
  { code: 'DENG', description: 'Dengue', namePt: 'Dengue', from: '2000', to: '2026' },
  { code: 'DERM', description: 'Occupational dermatoses', namePt: 'Dermatoses ocupacionais', from: '2006', to: '2026' },
  { code: 'DIFT', description: 'Diphtheria', namePt: 'Difteria', from: '2007', to: '2026' },
  { code: 'ESPO', description: 'Sporotrichosis epizootics', namePt: 'Epizootias de esporotricose', from: '2013', to: '2022' },
  { code: 'ESQU', description: 'Schistosomiasis', namePt: 'Esquistossomose', from: '2007', to: '2026' },
  { code: 'EXAN', description: 'Exanthematous diseases (measles, rubella)', namePt: 'Doenças exantemáticas', from: '2007', to: '2026' },
  { code: 'FMAC', description: 'Spotted fever', namePt: 'Febre maculosa', from: '2007', to: '2025' },
  { code: 'FTIF', description: 'Typhoid fever', namePt: 'Febre tifoide', from: '2007', to: '2026' },
  { code: 'HANS', description: 'Leprosy', namePt: 'Hanseníase', from: '2001', to: '2026' },
  { code: 'HANT', description: 'Hantavirus infection', namePt: 'Hantavirose', from: '1999', to: '2026' },
  { code: 'HEPA', description: 'Viral hepatitis', namePt: 'Hepatites virais', from: '2007', to: '2023' },
  { code: 'HIVA', description: 'HIV in adults', namePt: 'HIV em adultos', from: '2007', to: '2024' },
  { code: 'HIVC', description: 'HIV in children', namePt: 'HIV em crianças', from: '2007', to: '2024' },
  { code: 'HIVE', description: 'Children exposed to HIV', namePt: 'Criança exposta ao HIV', from: '2015', to: '2024' },
  { code: 'HIVG', description: 'HIV in pregnant women', namePt: 'HIV em gestantes', from: '2007', to: '2024' },
  { code: 'IEXO', description: 'Exogenous poisoning', namePt: 'Intoxicação exógena', from: '2006', to: '2026' },
  { code: 'LEIV', description: 'Visceral leishmaniasis', namePt: 'Leishmaniose visceral', from: '2000', to: '2025', aliases: ['LEI'] },
  { code: 'LEPT', description: 'Leptospirosis', namePt: 'Leptospirose', from: '2000', to: '2026' },
  { code: 'LERD', description: 'Repetitive strain injuries', namePt: 'LER/DORT', from: '2006', to: '2026', aliases: ['LER'] },
  { code: 'LTAN', description: 'American tegumentary leishmaniasis', namePt: 'Leishmaniose tegumentar americana', from: '2000', to: '2025' },
  { code: 'MALA', description: 'Malaria', namePt: 'Malária', from: '2004', to: '2024' },
  { code: 'MENI', description: 'Meningitis', namePt: 'Meningite', from: '2007', to: '2026' },
  { code: 'MENT', description: 'Work-related mental disorders', namePt: 'Transtornos mentais relacionados ao trabalho', from: '2006', to: '2026' },
  { code: 'NTRA', description: 'Trachoma notifications', namePt: 'Notificação de tracoma', from: '2010', to: '2026' },
  { code: 'PAIR', description: 'Work-related noise-induced hearing loss', namePt: 'Perda auditiva induzida por ruído', from: '2006', to: '2026' },
  { code: 'PEST', description: 'Plague', namePt: 'Peste', from: '2007', to: '2025' },
  { code: 'PFAN', description: 'Acute flaccid paralysis', namePt: 'Paralisia flácida aguda', from: '2007', to: '2026' },
  { code: 'PNEU', description: 'Work-related pneumoconioses', namePt: 'Pneumoconioses relacionadas ao trabalho', from: '2006', to: '2026' },
  { code: 'RAIV', description: 'Human rabies', namePt: 'Raiva humana', from: '2007', to: '2026' },
  { code: 'ROTA', description: 'Rotavirus', namePt: 'Rotavírus', from: '2009', to: '2026' },
  { code: 'SDTA', description: 'Foodborne disease outbreaks', namePt: 'Surto de doenças transmitidas por alimentos', from: '2007', to: '2024' },
  { code: 'SIFA', description: 'Acquired syphilis', namePt: 'Sífilis adquirida', from: '2010', to: '2024' },
  { code: 'SIFC', description: 'Congenital syphilis', namePt: 'Sífilis congênita', from: '2007', to: '2024' },
  { code: 'SIFG', description: 'Syphilis in pregnant women', namePt: 'Sífilis em gestante', from: '2007', to: '2024' },
  { code: 'SRC', description: 'Congenital rubella syndrome', namePt: 'Síndrome da rubéola congênita', from: '2007', to: '2026' },
  { code: 'TETA', description: 'Accidental tetanus', namePt: 'Tétano acidental', from: '2007', to: '2026' },
  { code: 'TETN', description: 'Neonatal tetanus', namePt: 'Tétano neonatal', from: '2014', to: '2026' },
  { code: 'TOXC', description: 'Congenital toxoplasmosis', namePt: 'Toxoplasmose congênita', from: '2019', to: '2026' },
  { code: 'TOXG', description: 'Gestational toxoplasmosis', namePt: 'Toxoplasmose gestacional', from: '2019', to: '2026' },
  { code: 'TRAC', description: 'Trachoma surveys', namePt: 'Inquérito de tracoma', from: '2009', to: '2026' },
  { code: 'TUBE', description: 'Tuberculosis', namePt: 'Tuberculose', from: '2001', to: '2025' },
  { code: 'VARC', description: 'Chickenpox', namePt: 'Varicela', from: '2007', to: '2025' },
  { code: 'VIOL', description: 'Interpersonal and self-inflicted violence', namePt: 'Violência interpessoal/autoprovocada', from: '2009', to: '2025' },
  { code: 'ZIKA', description: 'Zika virus disease', namePt: 'Zika vírus', from: '2015', to: '2026' },
];

/**
 * Every SINAN disease code of the catalog. INFL (pandemic influenza), listed by PySUS, is absent: no listing
 * holds an `INFLBRyy` file.
 *
 * @example
 * ```ts
 * SINAN_CODES.includes('DENG'); // true
 * ```
 */
export const SINAN_CODES: readonly string[] = DISEASES.map((d) => d.code);

const OPEN_DATA_FORMATS = ['csv.zip', 'json.zip', 'xml.zip', 'parquet.zip'];

/**
 * One dataset per SINAN disease code.
 *
 * @example
 * ```ts
 * SINAN_DATASETS.find((d) => d.group === 'DENG')?.id; // 'sinan-deng'
 * ```
 */
export const SINAN_DATASETS: readonly Dataset[] = DISEASES.map((d) => {
  const rule = names(d.code, { place: ['br'], year: [2], ...(d.aliases === undefined ? {} : { aliases: d.aliases }) });
  return dataset({
    id: `sinan-${d.code.toLowerCase()}`,
    system: 'SINAN',
    group: d.code,
    description: d.description,
    namePt: d.namePt,
    granularity: 'yearly',
    coverage: covers(d.from, d.to, { noUf: true, national: true }),
    folders: [
      folder('SINAN/DADOS/FINAIS', rule, { from: d.from }),
      folder('SINAN/DADOS/PRELIM', rule, { preliminary: true }),
      folder('Dados_Abertos/SINAN/*/*', names(d.code, { place: ['br'], year: [2], extensions: OPEN_DATA_FORMATS }), {
        role: 'alternate-format',
      }),
    ],
  });
});

/**
 * e-SUS Notifica: chronic Chagas disease, national yearly files in FINAIS/PRELIM like SINAN.
 *
 * @example
 * ```ts
 * ESUS_DATASETS[0]?.id; // 'esusnotifica-dccr'
 * ```
 */
export const ESUS_DATASETS: readonly Dataset[] = [
  dataset({
    id: 'esusnotifica-dccr',
    system: 'ESUSNOTIFICA',
    group: 'DCCR',
    description: 'Chronic Chagas disease notifications',
    namePt: 'Doença de Chagas crônica',
    granularity: 'yearly',
    coverage: covers('2023', '2025', { noUf: true, national: true }),
    folders: [
      folder('ESUSNOTIFICA/DADOS/FINAIS', names('DCCR', { place: ['br'] }), { from: '2023' }),
      folder('ESUSNOTIFICA/DADOS/PRELIM', names('DCCR', { place: ['br'] }), { preliminary: true }),
    ],
  }),
];
