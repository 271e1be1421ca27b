/**
 * Column names and Arrow types of the main datasets, as the decoder produces them in the cache
 * (`Utf8` codes, `Int32`/`Int64`/`Float64` numbers, `Date32` dates). Taken from real files: the
 * newest schema family of each series in the 2026-08-19 crawl (`schema-presence`), with the types
 * read from the headers of real files of the series (fields no sample file has are `Utf8`, or
 * `Date32` for SINAN `DT_` fields, which SINAN stores as DBF dates). Older years may lack some
 * columns (they read as null) or have others (still queryable by name in SQL). Pure data.
 *
 * @module
 */

/**
 * An Arrow type of a cached column, by name.
 *
 * @example
 * ```ts
 * const t: ColumnType = SIH_RD.VAL_TOT; // 'Float64'
 * ```
 */
export type ColumnType = 'Utf8' | 'Int32' | 'Int64' | 'Float64' | 'Date32';

/**
 * SIH RD (AIH reduzida: one row per paid hospital admission): 124 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIH_RD).length; // 124
 * ```
 */
export const SIH_RD = {
  UF_ZI: 'Utf8', ANO_CMPT: 'Utf8', MES_CMPT: 'Utf8', ESPEC: 'Utf8', CGC_HOSP: 'Utf8', N_AIH: 'Utf8', IDENT: 'Utf8', CEP: 'Utf8',
  MUNIC_RES: 'Utf8', NASC: 'Utf8', SEXO: 'Utf8', UTI_MES_IN: 'Int32', UTI_MES_AN: 'Int32', UTI_MES_AL: 'Int32',
  UTI_MES_TO: 'Int32', MARCA_UTI: 'Utf8', UTI_INT_IN: 'Int32', UTI_INT_AN: 'Int32', UTI_INT_AL: 'Int32', UTI_INT_TO: 'Int32',
  DIAR_ACOM: 'Int32', QT_DIARIAS: 'Int32', PROC_SOLIC: 'Utf8', PROC_REA: 'Utf8', VAL_SH: 'Float64', VAL_SP: 'Float64',
  VAL_SADT: 'Float64', VAL_RN: 'Float64', VAL_ACOMP: 'Float64', VAL_ORTP: 'Float64', VAL_SANGUE: 'Float64',
  VAL_SADTSR: 'Float64', VAL_TRANSP: 'Float64', VAL_OBSANG: 'Float64', VAL_PED1AC: 'Float64', VAL_TOT: 'Float64',
  VAL_UTI: 'Float64', US_TOT: 'Float64', DT_INTER: 'Utf8', DT_SAIDA: 'Utf8', DIAG_PRINC: 'Utf8', DIAG_SECUN: 'Utf8',
  COBRANCA: 'Utf8', NATUREZA: 'Utf8', NAT_JUR: 'Utf8', GESTAO: 'Utf8', RUBRICA: 'Int32', IND_VDRL: 'Utf8', MUNIC_MOV: 'Utf8',
  COD_IDADE: 'Utf8', IDADE: 'Int32', DIAS_PERM: 'Int32', MORTE: 'Int32', NACIONAL: 'Utf8', NUM_PROC: 'Utf8', CAR_INT: 'Utf8',
  TOT_PT_SP: 'Int32', CPF_AUT: 'Utf8', HOMONIMO: 'Utf8', NUM_FILHOS: 'Int32', INSTRU: 'Utf8', CID_NOTIF: 'Utf8',
  CONTRACEP1: 'Utf8', CONTRACEP2: 'Utf8', GESTRISCO: 'Utf8', INSC_PN: 'Utf8', SEQ_AIH5: 'Utf8', CBOR: 'Utf8', CNAER: 'Utf8',
  VINCPREV: 'Utf8', GESTOR_COD: 'Utf8', GESTOR_TP: 'Utf8', GESTOR_CPF: 'Utf8', GESTOR_DT: 'Utf8', CNES: 'Utf8',
  CNPJ_MANT: 'Utf8', INFEHOSP: 'Utf8', CID_ASSO: 'Utf8', CID_MORTE: 'Utf8', COMPLEX: 'Utf8', FINANC: 'Utf8', FAEC_TP: 'Utf8',
  REGCT: 'Utf8', RACA_COR: 'Utf8', ETNIA: 'Utf8', SEQUENCIA: 'Int32', REMESSA: 'Utf8', AUD_JUST: 'Utf8', SIS_JUST: 'Utf8',
  VAL_SH_FED: 'Float64', VAL_SP_FED: 'Float64', VAL_SH_GES: 'Float64', VAL_SP_GES: 'Float64', VAL_UCI: 'Float64',
  MARCA_UCI: 'Utf8', DIAGSEC1: 'Utf8', DIAGSEC2: 'Utf8', DIAGSEC3: 'Utf8', DIAGSEC4: 'Utf8', DIAGSEC5: 'Utf8', DIAGSEC6: 'Utf8',
  DIAGSEC7: 'Utf8', DIAGSEC8: 'Utf8', DIAGSEC9: 'Utf8', TPDISEC1: 'Utf8', TPDISEC2: 'Utf8', TPDISEC3: 'Utf8', TPDISEC4: 'Utf8',
  TPDISEC5: 'Utf8', TPDISEC6: 'Utf8', TPDISEC7: 'Utf8', TPDISEC8: 'Utf8', TPDISEC9: 'Utf8', UTI_TOTAL: 'Int32', US_SH: 'Float64',
  US_SP: 'Float64', US_SADT: 'Float64', US_RN: 'Float64', US_ORTP: 'Float64', US_SANGUE: 'Float64', DIAG_SEC: 'Utf8',
  SEMIPLEN: 'Utf8', COD_ARQ: 'Utf8', CONT: 'Int32'
} as const;

/**
 * SIH SP (professional services of admissions): 38 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIH_SP).length; // 38
 * ```
 */
export const SIH_SP = {
  SP_GESTOR: 'Utf8', SP_UF: 'Utf8', SP_AA: 'Utf8', SP_MM: 'Utf8', SP_CNES: 'Utf8', SP_NAIH: 'Utf8', SP_PROCREA: 'Utf8',
  SP_DTINTER: 'Utf8', SP_DTSAIDA: 'Utf8', SP_NUM_PR: 'Utf8', SP_TIPO: 'Utf8', SP_CPFCGC: 'Utf8', SP_ATOPROF: 'Utf8',
  SP_TP_ATO: 'Utf8', SP_QTD_ATO: 'Int32', SP_PTSP: 'Utf8', SP_NF: 'Utf8', SP_VALATO: 'Float64', SP_CGCHOSP: 'Int64',
  SP_PTSP_NF: 'Int32', SP_M_HOSP: 'Utf8', SP_M_PAC: 'Utf8', SP_DES_HOS: 'Utf8', SP_DES_PAC: 'Utf8', SP_COMPLEX: 'Utf8',
  SP_FINANC: 'Utf8', SP_CO_FAEC: 'Utf8', SP_PF_CBO: 'Utf8', SP_PF_DOC: 'Utf8', SP_PJ_DOC: 'Utf8', IN_TP_VAL: 'Utf8',
  SEQUENCIA: 'Int32', REMESSA: 'Utf8', SERV_CLA: 'Utf8', SP_CIDPRI: 'Utf8', SP_CIDSEC: 'Utf8', SP_QT_PROC: 'Int32',
  SP_U_AIH: 'Utf8'
} as const;

/**
 * SIH RJ (rejected AIH): 90 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIH_RJ).length; // 90
 * ```
 */
export const SIH_RJ = {
  UF_ZI: 'Utf8', ANO_CMPT: 'Utf8', MES_CMPT: 'Utf8', ESPEC: 'Utf8', CGC_HOSP: 'Utf8', N_AIH: 'Utf8', IDENT: 'Utf8', CEP: 'Utf8',
  MUNIC_RES: 'Utf8', NASC: 'Utf8', SEXO: 'Utf8', UTI_MES_IN: 'Int32', UTI_MES_AN: 'Int32', UTI_MES_AL: 'Int32',
  UTI_MES_TO: 'Int32', MARCA_UTI: 'Utf8', UTI_INT_IN: 'Int32', UTI_INT_AN: 'Int32', UTI_INT_AL: 'Int32', UTI_INT_TO: 'Int32',
  DIAR_ACOM: 'Int32', PROC_SOLIC: 'Utf8', PROC_REA: 'Utf8', VAL_SH: 'Float64', VAL_SP: 'Float64', VAL_SADT: 'Float64',
  VAL_RN: 'Float64', VAL_ACOMP: 'Float64', VAL_ORTP: 'Float64', VAL_SANGUE: 'Float64', VAL_SADTSR: 'Float64',
  VAL_TRANSP: 'Float64', VAL_OBSANG: 'Float64', VAL_PED1AC: 'Float64', VAL_TOT: 'Float64', VAL_UTI: 'Float64', US_TOT: 'Float64',
  DT_INTER: 'Utf8', DT_SAIDA: 'Utf8', DIAG_PRINC: 'Utf8', DIAG_SECUN: 'Utf8', COBRANCA: 'Utf8', NATUREZA: 'Utf8', GESTAO: 'Utf8',
  RUBRICA: 'Int32', IND_VDRL: 'Utf8', MUNIC_MOV: 'Utf8', COD_IDADE: 'Utf8', IDADE: 'Int32', DIAS_PERM: 'Int32', MORTE: 'Int32',
  NACIONAL: 'Utf8', NUM_PROC: 'Utf8', CAR_INT: 'Utf8', TOT_PT_SP: 'Int32', CPF_AUT: 'Utf8', HOMONIMO: 'Utf8',
  NUM_FILHOS: 'Int32', INSTRU: 'Utf8', CID_NOTIF: 'Utf8', CONTRACEP1: 'Utf8', CONTRACEP2: 'Utf8', GESTRISCO: 'Utf8',
  INSC_PN: 'Utf8', SEQ_AIH5: 'Utf8', CBOR: 'Utf8', CNAER: 'Utf8', VINCPREV: 'Utf8', GESTOR_COD: 'Utf8', GESTOR_CPF: 'Utf8',
  GESTOR_DT: 'Utf8', CNES: 'Utf8', INFEHOSP: 'Utf8', CID_ASSO: 'Utf8', CID_MORTE: 'Utf8', ST_SITUAC: 'Utf8', ST_BLOQ: 'Utf8',
  ST_MOT_BLO: 'Utf8', QT_DIARIAS: 'Int32', NAT_JUR: 'Utf8', GESTOR_TP: 'Utf8', CNPJ_MANT: 'Utf8', COMPLEX: 'Utf8',
  FINANC: 'Utf8', FAEC_TP: 'Utf8', REGCT: 'Utf8', RACA_COR: 'Utf8', ETNIA: 'Utf8', SEQUENCIA: 'Int32', REMESSA: 'Utf8'
} as const;

/**
 * SIA PA (outpatient production): 73 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIA_PA).length; // 73
 * ```
 */
export const SIA_PA = {
  PA_CODUNI: 'Utf8', PA_GESTAO: 'Utf8', PA_CONDIC: 'Utf8', PA_UFMUN: 'Utf8', PA_REGCT: 'Utf8', PA_INCOUT: 'Utf8',
  PA_INCURG: 'Utf8', PA_TPUPS: 'Utf8', PA_TIPPRE: 'Utf8', PA_MN_IND: 'Utf8', PA_CNPJCPF: 'Utf8', PA_CNPJMNT: 'Utf8',
  PA_CNPJ_CC: 'Utf8', PA_MVM: 'Utf8', PA_CMP: 'Utf8', PA_PROC_ID: 'Utf8', PA_TPFIN: 'Utf8', PA_SUBFIN: 'Utf8', PA_NIVCPL: 'Utf8',
  PA_DOCORIG: 'Utf8', PA_AUTORIZ: 'Utf8', PA_CNSMED: 'Utf8', PA_CBOCOD: 'Utf8', PA_MOTSAI: 'Utf8', PA_OBITO: 'Utf8',
  PA_ENCERR: 'Utf8', PA_PERMAN: 'Utf8', PA_ALTA: 'Utf8', PA_TRANSF: 'Utf8', PA_CIDPRI: 'Utf8', PA_CIDSEC: 'Utf8',
  PA_CIDCAS: 'Utf8', PA_CATEND: 'Utf8', PA_IDADE: 'Utf8', IDADEMIN: 'Utf8', IDADEMAX: 'Utf8', PA_FLIDADE: 'Utf8',
  PA_SEXO: 'Utf8', PA_RACACOR: 'Utf8', PA_MUNPCN: 'Utf8', PA_QTDPRO: 'Utf8', PA_QTDAPR: 'Utf8', PA_VALPRO: 'Float64',
  PA_VALAPR: 'Float64', PA_UFDIF: 'Utf8', PA_MNDIF: 'Utf8', PA_DIF_VAL: 'Float64', NU_VPA_TOT: 'Float64', NU_PA_TOT: 'Float64',
  PA_INDICA: 'Utf8', PA_CODOCO: 'Utf8', PA_FLQT: 'Utf8', PA_FLER: 'Utf8', PA_ETNIA: 'Utf8', PA_VL_CF: 'Float64',
  PA_VL_CL: 'Float64', PA_VL_INC: 'Float64', PA_SRV_C: 'Utf8', PA_INE: 'Utf8', PA_NAT_JUR: 'Utf8', PA_DATREF: 'Utf8',
  PA_CODPRO: 'Utf8', PA_CODESP: 'Utf8', PA_TIPPRO: 'Utf8', PA_TIPATE: 'Utf8', PA_FXETAR: 'Utf8', PA_DATPR: 'Utf8',
  PA_MUNAT: 'Utf8', PA_NUMAPA: 'Utf8', PA_MORFOL: 'Utf8', PA_RCB: 'Utf8', PA_RCBDF: 'Utf8', PA_NH: 'Utf8'
} as const;

/**
 * SIA BI (individualised outpatient production): 35 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIA_BI).length; // 35
 * ```
 */
export const SIA_BI = {
  CODUNI: 'Utf8', GESTAO: 'Utf8', CONDIC: 'Utf8', UFMUN: 'Utf8', TPUPS: 'Utf8', TIPPRE: 'Utf8', MN_IND: 'Utf8', CNPJCPF: 'Utf8',
  CNPJMNT: 'Utf8', CNPJ_CC: 'Utf8', DT_PROCESS: 'Utf8', DT_ATEND: 'Utf8', PROC_ID: 'Utf8', TPFIN: 'Utf8', SUBFIN: 'Utf8',
  COMPLEX: 'Utf8', AUTORIZ: 'Utf8', CNSPROF: 'Utf8', CBOPROF: 'Utf8', CIDPRI: 'Utf8', CATEND: 'Utf8', CNS_PAC: 'Utf8',
  DTNASC: 'Utf8', TPIDADEPAC: 'Utf8', IDADEPAC: 'Utf8', SEXOPAC: 'Utf8', RACACOR: 'Utf8', MUNPAC: 'Utf8', QT_APRES: 'Int64',
  QT_APROV: 'Int64', VL_APRES: 'Float64', VL_APROV: 'Float64', UFDIF: 'Utf8', MNDIF: 'Utf8', ETNIA: 'Utf8'
} as const;

/**
 * CIHA (admissions outside SUS payment): 30 columns.
 *
 * @example
 * ```ts
 * Object.keys(CIHA).length; // 30
 * ```
 */
export const CIHA = {
  ANO_CMPT: 'Utf8', MES_CMPT: 'Utf8', ESPEC: 'Utf8', CGC_HOSP: 'Utf8', MUNIC_RES: 'Utf8', NASC: 'Utf8', SEXO: 'Utf8',
  UTI_MES_TO: 'Utf8', UTI_INT_TO: 'Utf8', PROC_REA: 'Utf8', QT_PROC: 'Utf8', DT_ATEND: 'Utf8', DT_SAIDA: 'Utf8',
  DIAG_PRINC: 'Utf8', DIAG_SECUN: 'Utf8', COBRANCA: 'Utf8', NATUREZA: 'Utf8', GESTAO: 'Utf8', MUNIC_MOV: 'Utf8',
  COD_IDADE: 'Utf8', IDADE: 'Utf8', DIAS_PERM: 'Utf8', MORTE: 'Utf8', NACIONAL: 'Utf8', CAR_INT: 'Utf8', HOMONIMO: 'Utf8',
  CNES: 'Utf8', FONTE: 'Utf8', CGC_CONSOR: 'Utf8', MODALIDADE: 'Utf8'
} as const;

/**
 * SIM DO (deaths, CID-10 era): 100 columns.
 *
 * @example
 * ```ts
 * Object.keys(SIM_DO).length; // 100
 * ```
 */
export const SIM_DO = {
  ORIGEM: 'Utf8', TIPOBITO: 'Utf8', DTOBITO: 'Utf8', HORAOBITO: 'Utf8', NATURAL: 'Utf8', CODMUNNATU: 'Utf8', DTNASC: 'Utf8',
  IDADE: 'Utf8', SEXO: 'Utf8', RACACOR: 'Utf8', ESTCIV: 'Utf8', ESC: 'Utf8', ESC2010: 'Utf8', SERIESCFAL: 'Utf8', OCUP: 'Utf8',
  CODMUNRES: 'Utf8', LOCOCOR: 'Utf8', CODESTAB: 'Utf8', ESTABDESCR: 'Utf8', CODMUNOCOR: 'Utf8', IDADEMAE: 'Utf8', ESCMAE: 'Utf8',
  ESCMAE2010: 'Utf8', SERIESCMAE: 'Utf8', OCUPMAE: 'Utf8', QTDFILVIVO: 'Utf8', QTDFILMORT: 'Utf8', GRAVIDEZ: 'Utf8',
  SEMAGESTAC: 'Utf8', GESTACAO: 'Utf8', PARTO: 'Utf8', OBITOPARTO: 'Utf8', PESO: 'Utf8', TPMORTEOCO: 'Utf8', OBITOGRAV: 'Utf8',
  OBITOPUERP: 'Utf8', ASSISTMED: 'Utf8', EXAME: 'Utf8', CIRURGIA: 'Utf8', NECROPSIA: 'Utf8', LINHAA: 'Utf8', LINHAB: 'Utf8',
  LINHAC: 'Utf8', LINHAD: 'Utf8', LINHAII: 'Utf8', CAUSABAS: 'Utf8', CB_PRE: 'Utf8', COMUNSVOIM: 'Utf8', DTATESTADO: 'Utf8',
  CIRCOBITO: 'Utf8', ACIDTRAB: 'Utf8', FONTE: 'Utf8', NUMEROLOTE: 'Utf8', TPPOS: 'Utf8', DTINVESTIG: 'Utf8', CAUSABAS_O: 'Utf8',
  DTCADASTRO: 'Utf8', ATESTANTE: 'Utf8', STCODIFICA: 'Utf8', CODIFICADO: 'Utf8', VERSAOSIST: 'Utf8', VERSAOSCB: 'Utf8',
  FONTEINV: 'Utf8', DTRECEBIM: 'Utf8', ATESTADO: 'Utf8', DTRECORIGA: 'Utf8', CAUSAMAT: 'Utf8', ESCMAEAGR1: 'Utf8',
  ESCFALAGR1: 'Utf8', STDOEPIDEM: 'Utf8', STDONOVA: 'Utf8', DIFDATA: 'Utf8', NUDIASOBCO: 'Utf8', NUDIASOBIN: 'Utf8',
  DTCADINV: 'Utf8', TPOBITOCOR: 'Utf8', DTCONINV: 'Utf8', FONTES: 'Utf8', TPRESGINFO: 'Utf8', TPNIVELINV: 'Utf8',
  NUDIASINF: 'Utf8', DTCADINF: 'Utf8', MORTEPARTO: 'Utf8', DTCONCASO: 'Utf8', FONTESINF: 'Utf8', ALTCAUSA: 'Utf8',
  CONTADOR: 'Utf8', CODMUNCART: 'Utf8', CODCART: 'Utf8', NUMREGCART: 'Utf8', DTREGCART: 'Utf8', DTRECORIG: 'Utf8',
  CODBAIRES: 'Utf8', CODBAIOCOR: 'Utf8', UFINFORM: 'Utf8', NUMERODO: 'Utf8', CODINST: 'Utf8', NUMERODV: 'Utf8', NUMSUS: 'Utf8',
  NUMERODN: 'Utf8'
} as const;

/**
 * SINASC DN (live births): 92 columns.
 *
 * @example
 * ```ts
 * Object.keys(SINASC_DN).length; // 92
 * ```
 */
export const SINASC_DN = {
  ORIGEM: 'Utf8', CODESTAB: 'Utf8', CODMUNNASC: 'Utf8', LOCNASC: 'Utf8', IDADEMAE: 'Utf8', ESTCIVMAE: 'Utf8', ESCMAE: 'Utf8',
  CODOCUPMAE: 'Utf8', QTDFILVIVO: 'Utf8', QTDFILMORT: 'Utf8', CODMUNRES: 'Utf8', GESTACAO: 'Utf8', GRAVIDEZ: 'Utf8',
  PARTO: 'Utf8', CONSULTAS: 'Utf8', DTNASC: 'Utf8', HORANASC: 'Utf8', SEXO: 'Utf8', APGAR1: 'Utf8', APGAR5: 'Utf8',
  RACACOR: 'Utf8', PESO: 'Utf8', IDANOMAL: 'Utf8', DTCADASTRO: 'Utf8', CODANOMAL: 'Utf8', NUMEROLOTE: 'Utf8', VERSAOSIST: 'Utf8',
  DTRECEBIM: 'Utf8', DIFDATA: 'Utf8', DTRECORIGA: 'Utf8', NATURALMAE: 'Utf8', CODMUNNATU: 'Utf8', CODUFNATU: 'Utf8',
  ESCMAE2010: 'Utf8', SERIESCMAE: 'Utf8', DTNASCMAE: 'Utf8', RACACORMAE: 'Utf8', QTDGESTANT: 'Utf8', QTDPARTNOR: 'Utf8',
  QTDPARTCES: 'Utf8', IDADEPAI: 'Utf8', DTULTMENST: 'Utf8', SEMAGESTAC: 'Utf8', TPMETESTIM: 'Utf8', CONSPRENAT: 'Utf8',
  MESPRENAT: 'Utf8', TPAPRESENT: 'Utf8', STTRABPART: 'Utf8', STCESPARTO: 'Utf8', TPNASCASSI: 'Utf8', TPFUNCRESP: 'Utf8',
  TPDOCRESP: 'Utf8', DTDECLARAC: 'Utf8', ESCMAEAGR1: 'Utf8', STDNEPIDEM: 'Utf8', STDNNOVA: 'Utf8', CODPAISRES: 'Utf8',
  TPROBSON: 'Utf8', PARIDADE: 'Utf8', KOTELCHUCK: 'Utf8', CONTADOR: 'Utf8', CODBAINASC: 'Utf8', CODBAIRES: 'Utf8',
  UFINFORM: 'Utf8', CODCART: 'Utf8', NUMREGCART: 'Utf8', DTREGCART: 'Utf8', DTRECORIG: 'Utf8', CARTORIO: 'Utf8',
  DATA_CART: 'Utf8', LOCAL_OCOR: 'Utf8', MUNI_OCOR: 'Utf8', CRS_OCOR: 'Utf8', ESTAB_OCOR: 'Utf8', DATA_NASC: 'Utf8',
  RACCOR: 'Utf8', ETNIA: 'Utf8', TIPO_GRAV: 'Utf8', TIPO_PARTO: 'Utf8', PRE_NATAL: 'Utf8', IDADE_MAE: 'Utf8', INSTR_MAE: 'Utf8',
  AREA: 'Utf8', BAIRRO_MAE: 'Utf8', MUNI_MAE: 'Utf8', CRS_MAE: 'Utf8', FIL_VIVOS: 'Utf8', FIL_MORTOS: 'Utf8', FIL_ABORT: 'Utf8',
  NUM_EXPORT: 'Utf8', CRITICA: 'Utf8', CODIGO: 'Utf8'
} as const;

/**
 * CNES ST (facilities): 208 columns.
 *
 * @example
 * ```ts
 * Object.keys(CNES_ST).length; // 208
 * ```
 */
export const CNES_ST = {
  CNES: 'Utf8', CODUFMUN: 'Utf8', COD_CEP: 'Utf8', CPF_CNPJ: 'Utf8', PF_PJ: 'Utf8', NIV_DEP: 'Utf8', CNPJ_MAN: 'Utf8',
  COD_IR: 'Utf8', REGSAUDE: 'Utf8', MICR_REG: 'Utf8', DISTRSAN: 'Utf8', DISTRADM: 'Utf8', VINC_SUS: 'Utf8', TPGESTAO: 'Utf8',
  ESFERA_A: 'Utf8', RETENCAO: 'Utf8', ATIVIDAD: 'Utf8', NATUREZA: 'Utf8', CLIENTEL: 'Utf8', TP_UNID: 'Utf8', TURNO_AT: 'Utf8',
  NIV_HIER: 'Utf8', TP_PREST: 'Utf8', CO_BANCO: 'Utf8', CO_AGENC: 'Utf8', C_CORREN: 'Utf8', CONTRATM: 'Utf8', DT_PUBLM: 'Utf8',
  CONTRATE: 'Utf8', DT_PUBLE: 'Utf8', ALVARA: 'Utf8', DT_EXPED: 'Utf8', ORGEXPED: 'Utf8', AV_ACRED: 'Utf8', CLASAVAL: 'Utf8',
  DT_ACRED: 'Utf8', AV_PNASS: 'Utf8', DT_PNASS: 'Utf8', GESPRG1E: 'Utf8', GESPRG1M: 'Utf8', GESPRG2E: 'Utf8', GESPRG2M: 'Utf8',
  GESPRG4E: 'Utf8', GESPRG4M: 'Utf8', NIVATE_A: 'Utf8', GESPRG3E: 'Utf8', GESPRG3M: 'Utf8', GESPRG5E: 'Utf8', GESPRG5M: 'Utf8',
  GESPRG6E: 'Utf8', GESPRG6M: 'Utf8', NIVATE_H: 'Utf8', QTLEITP1: 'Int32', QTLEITP2: 'Int32', QTLEITP3: 'Int32',
  LEITHOSP: 'Utf8', QTINST01: 'Int32', QTINST02: 'Int32', QTINST03: 'Int32', QTINST04: 'Int32', QTINST05: 'Int32',
  QTINST06: 'Int32', QTINST07: 'Int32', QTINST08: 'Int32', QTINST09: 'Int32', QTINST10: 'Int32', QTINST11: 'Int32',
  QTINST12: 'Int32', QTINST13: 'Int32', QTINST14: 'Int32', URGEMERG: 'Utf8', QTINST15: 'Int32', QTINST16: 'Int32',
  QTINST17: 'Int32', QTINST18: 'Int32', QTINST19: 'Int32', QTINST20: 'Int32', QTINST21: 'Int32', QTINST22: 'Int32',
  QTINST23: 'Int32', QTINST24: 'Int32', QTINST25: 'Int32', QTINST26: 'Int32', QTINST27: 'Int32', QTINST28: 'Int32',
  QTINST29: 'Int32', QTINST30: 'Int32', ATENDAMB: 'Utf8', QTINST31: 'Int32', QTINST32: 'Int32', QTINST33: 'Int32',
  CENTRCIR: 'Utf8', QTINST34: 'Int32', QTINST35: 'Int32', QTINST36: 'Int32', QTINST37: 'Int32', CENTROBS: 'Utf8',
  QTLEIT05: 'Int32', QTLEIT06: 'Int32', QTLEIT07: 'Int32', QTLEIT08: 'Int32', QTLEIT09: 'Int32', QTLEIT19: 'Int32',
  QTLEIT20: 'Int32', QTLEIT21: 'Int32', QTLEIT22: 'Int32', QTLEIT23: 'Int32', QTLEIT32: 'Int32', QTLEIT34: 'Int32',
  QTLEIT38: 'Int32', QTLEIT39: 'Int32', QTLEIT40: 'Int32', CENTRNEO: 'Utf8', ATENDHOS: 'Utf8', SERAP01P: 'Utf8',
  SERAP01T: 'Utf8', SERAP02P: 'Utf8', SERAP02T: 'Utf8', SERAP03P: 'Utf8', SERAP03T: 'Utf8', SERAP04P: 'Utf8', SERAP04T: 'Utf8',
  SERAP05P: 'Utf8', SERAP05T: 'Utf8', SERAP06P: 'Utf8', SERAP06T: 'Utf8', SERAP07P: 'Utf8', SERAP07T: 'Utf8', SERAP08P: 'Utf8',
  SERAP08T: 'Utf8', SERAP09P: 'Utf8', SERAP09T: 'Utf8', SERAP10P: 'Utf8', SERAP10T: 'Utf8', SERAP11P: 'Utf8', SERAP11T: 'Utf8',
  SERAPOIO: 'Utf8', RES_BIOL: 'Utf8', RES_QUIM: 'Utf8', RES_RADI: 'Utf8', RES_COMU: 'Utf8', COLETRES: 'Utf8', COMISS01: 'Utf8',
  COMISS02: 'Utf8', COMISS03: 'Utf8', COMISS04: 'Utf8', COMISS05: 'Utf8', COMISS06: 'Utf8', COMISS07: 'Utf8', COMISS08: 'Utf8',
  COMISS09: 'Utf8', COMISS10: 'Utf8', COMISS11: 'Utf8', COMISS12: 'Utf8', COMISSAO: 'Utf8', AP01CV01: 'Utf8', AP01CV02: 'Utf8',
  AP01CV03: 'Utf8', AP01CV04: 'Utf8', AP01CV05: 'Utf8', AP01CV06: 'Utf8', AP01CV07: 'Utf8', AP02CV01: 'Utf8', AP02CV02: 'Utf8',
  AP02CV03: 'Utf8', AP02CV04: 'Utf8', AP02CV05: 'Utf8', AP02CV06: 'Utf8', AP02CV07: 'Utf8', AP03CV01: 'Utf8', AP03CV02: 'Utf8',
  AP03CV03: 'Utf8', AP03CV04: 'Utf8', AP03CV05: 'Utf8', AP03CV06: 'Utf8', AP03CV07: 'Utf8', AP04CV01: 'Utf8', AP04CV02: 'Utf8',
  AP04CV03: 'Utf8', AP04CV04: 'Utf8', AP04CV05: 'Utf8', AP04CV06: 'Utf8', AP04CV07: 'Utf8', AP05CV01: 'Utf8', AP05CV02: 'Utf8',
  AP05CV03: 'Utf8', AP05CV04: 'Utf8', AP05CV05: 'Utf8', AP05CV06: 'Utf8', AP05CV07: 'Utf8', AP06CV01: 'Utf8', AP06CV02: 'Utf8',
  AP06CV03: 'Utf8', AP06CV04: 'Utf8', AP06CV05: 'Utf8', AP06CV06: 'Utf8', AP06CV07: 'Utf8', AP07CV01: 'Utf8', AP07CV02: 'Utf8',
  AP07CV03: 'Utf8', AP07CV04: 'Utf8', AP07CV05: 'Utf8', AP07CV06: 'Utf8', AP07CV07: 'Utf8', ATEND_PR: 'Utf8', DT_ATUAL: 'Utf8',
  COMPETEN: 'Utf8', NAT_JUR: 'Utf8'
} as const;

/**
 * CNES PF (professionals): 40 columns.
 *
 * @example
 * ```ts
 * Object.keys(CNES_PF).length; // 40
 * ```
 */
export const CNES_PF = {
  CNES: 'Utf8', CODUFMUN: 'Utf8', REGSAUDE: 'Utf8', MICR_REG: 'Utf8', DISTRSAN: 'Utf8', DISTRADM: 'Utf8', TPGESTAO: 'Utf8',
  PF_PJ: 'Utf8', CPF_CNPJ: 'Utf8', NIV_DEP: 'Utf8', CNPJ_MAN: 'Utf8', ESFERA_A: 'Utf8', ATIVIDAD: 'Utf8', RETENCAO: 'Utf8',
  NATUREZA: 'Utf8', CLIENTEL: 'Utf8', TP_UNID: 'Utf8', TURNO_AT: 'Utf8', NIV_HIER: 'Utf8', TERCEIRO: 'Utf8', CPF_PROF: 'Utf8',
  CPFUNICO: 'Utf8', CBO: 'Utf8', CBOUNICO: 'Utf8', NOMEPROF: 'Utf8', CNS_PROF: 'Utf8', CONSELHO: 'Utf8', REGISTRO: 'Utf8',
  VINCULAC: 'Utf8', VINCUL_C: 'Utf8', VINCUL_A: 'Utf8', VINCUL_N: 'Utf8', PROF_SUS: 'Utf8', PROFNSUS: 'Utf8', HORAOUTR: 'Int32',
  HORAHOSP: 'Int32', HORA_AMB: 'Int32', COMPETEN: 'Utf8', UFMUNRES: 'Utf8', NAT_JUR: 'Utf8'
} as const;

/**
 * CNES LT (beds): 28 columns.
 *
 * @example
 * ```ts
 * Object.keys(CNES_LT).length; // 28
 * ```
 */
export const CNES_LT = {
  CNES: 'Utf8', CODUFMUN: 'Utf8', REGSAUDE: 'Utf8', MICR_REG: 'Utf8', DISTRSAN: 'Utf8', DISTRADM: 'Utf8', TPGESTAO: 'Utf8',
  PF_PJ: 'Utf8', CPF_CNPJ: 'Utf8', NIV_DEP: 'Utf8', CNPJ_MAN: 'Utf8', ESFERA_A: 'Utf8', ATIVIDAD: 'Utf8', RETENCAO: 'Utf8',
  NATUREZA: 'Utf8', CLIENTEL: 'Utf8', TP_UNID: 'Utf8', TURNO_AT: 'Utf8', NIV_HIER: 'Utf8', TERCEIRO: 'Utf8', TP_LEITO: 'Utf8',
  CODLEITO: 'Utf8', QT_EXIST: 'Int32', QT_CONTR: 'Int32', QT_SUS: 'Int32', QT_NSUS: 'Int32', COMPETEN: 'Utf8', NAT_JUR: 'Utf8'
} as const;

/**
 * CNES EQ (equipment): 28 columns.
 *
 * @example
 * ```ts
 * Object.keys(CNES_EQ).length; // 28
 * ```
 */
export const CNES_EQ = {
  CNES: 'Utf8', CODUFMUN: 'Utf8', REGSAUDE: 'Utf8', MICR_REG: 'Utf8', DISTRSAN: 'Utf8', DISTRADM: 'Utf8', TPGESTAO: 'Utf8',
  PF_PJ: 'Utf8', CPF_CNPJ: 'Utf8', NIV_DEP: 'Utf8', CNPJ_MAN: 'Utf8', ESFERA_A: 'Utf8', ATIVIDAD: 'Utf8', RETENCAO: 'Utf8',
  NATUREZA: 'Utf8', CLIENTEL: 'Utf8', TP_UNID: 'Utf8', TURNO_AT: 'Utf8', NIV_HIER: 'Utf8', TERCEIRO: 'Utf8', TIPEQUIP: 'Utf8',
  CODEQUIP: 'Utf8', QT_EXIST: 'Int32', QT_USO: 'Int32', IND_SUS: 'Utf8', IND_NSUS: 'Utf8', COMPETEN: 'Utf8', NAT_JUR: 'Utf8'
} as const;

/**
 * CNES SR (specialised services): 32 columns.
 *
 * @example
 * ```ts
 * Object.keys(CNES_SR).length; // 32
 * ```
 */
export const CNES_SR = {
  CNES: 'Utf8', CODUFMUN: 'Utf8', SERV_ESP: 'Utf8', CLASS_SR: 'Utf8', SRVUNICO: 'Utf8', REGSAUDE: 'Utf8', MICR_REG: 'Utf8',
  DISTRSAN: 'Utf8', DISTRADM: 'Utf8', TPGESTAO: 'Utf8', PF_PJ: 'Utf8', CPF_CNPJ: 'Utf8', NIV_DEP: 'Utf8', ESFERA_A: 'Utf8',
  ATIVIDAD: 'Utf8', RETENCAO: 'Utf8', NATUREZA: 'Utf8', CLIENTEL: 'Utf8', TP_UNID: 'Utf8', TURNO_AT: 'Utf8', NIV_HIER: 'Utf8',
  TERCEIRO: 'Utf8', CNPJ_MAN: 'Utf8', CARACTER: 'Utf8', AMB_NSUS: 'Utf8', AMB_SUS: 'Utf8', HOSP_NSUS: 'Utf8', HOSP_SUS: 'Utf8',
  COMPETEN: 'Utf8', CONTSRVU: 'Utf8', CNESTERC: 'Utf8', NAT_JUR: 'Utf8'
} as const;

/**
 * SINAN DENG (dengue notifications): 121 columns.
 *
 * @example
 * ```ts
 * Object.keys(SINAN_DENG).length; // 121
 * ```
 */
export const SINAN_DENG = {
  TP_NOT: 'Utf8', ID_AGRAVO: 'Utf8', DT_NOTIFIC: 'Date32', SEM_NOT: 'Utf8', NU_ANO: 'Utf8', SG_UF_NOT: 'Utf8',
  ID_MUNICIP: 'Utf8', ID_REGIONA: 'Utf8', ID_UNIDADE: 'Utf8', DT_SIN_PRI: 'Date32', SEM_PRI: 'Utf8', ANO_NASC: 'Utf8',
  NU_IDADE_N: 'Utf8', CS_SEXO: 'Utf8', CS_GESTANT: 'Utf8', CS_RACA: 'Utf8', CS_ESCOL_N: 'Utf8', SG_UF: 'Utf8',
  ID_MN_RESI: 'Utf8', ID_RG_RESI: 'Utf8', ID_PAIS: 'Utf8', DT_INVEST: 'Date32', ID_OCUPA_N: 'Utf8', FEBRE: 'Utf8',
  MIALGIA: 'Utf8', CEFALEIA: 'Utf8', EXANTEMA: 'Utf8', VOMITO: 'Utf8', NAUSEA: 'Utf8', DOR_COSTAS: 'Utf8', CONJUNTVIT: 'Utf8',
  ARTRITE: 'Utf8', ARTRALGIA: 'Utf8', PETEQUIA_N: 'Utf8', LEUCOPENIA: 'Utf8', LACO: 'Utf8', DOR_RETRO: 'Utf8', DIABETES: 'Utf8',
  HEMATOLOG: 'Utf8', HEPATOPAT: 'Utf8', RENAL: 'Utf8', HIPERTENSA: 'Utf8', ACIDO_PEPT: 'Utf8', AUTO_IMUNE: 'Utf8',
  DT_CHIK_S1: 'Date32', DT_CHIK_S2: 'Date32', DT_PRNT: 'Date32', RES_CHIKS1: 'Utf8', RES_CHIKS2: 'Utf8', RESUL_PRNT: 'Utf8',
  DT_SORO: 'Date32', RESUL_SORO: 'Utf8', DT_NS1: 'Date32', RESUL_NS1: 'Utf8', DT_VIRAL: 'Date32', RESUL_VI_N: 'Utf8',
  DT_PCR: 'Date32', RESUL_PCR_: 'Utf8', SOROTIPO: 'Utf8', HISTOPA_N: 'Utf8', IMUNOH_N: 'Utf8', HOSPITALIZ: 'Utf8',
  DT_INTERNA: 'Date32', UF: 'Utf8', MUNICIPIO: 'Utf8', TPAUTOCTO: 'Utf8', COUFINF: 'Utf8', COPAISINF: 'Utf8', COMUNINF: 'Utf8',
  CLASSI_FIN: 'Utf8', CRITERIO: 'Utf8', DOENCA_TRA: 'Utf8', CLINC_CHIK: 'Utf8', EVOLUCAO: 'Utf8', DT_OBITO: 'Date32',
  DT_ENCERRA: 'Date32', ALRM_HIPOT: 'Utf8', ALRM_PLAQ: 'Utf8', ALRM_VOM: 'Utf8', ALRM_SANG: 'Utf8', ALRM_HEMAT: 'Utf8',
  ALRM_ABDOM: 'Utf8', ALRM_LETAR: 'Utf8', ALRM_HEPAT: 'Utf8', ALRM_LIQ: 'Utf8', DT_ALRM: 'Date32', GRAV_PULSO: 'Utf8',
  GRAV_CONV: 'Utf8', GRAV_ENCH: 'Utf8', GRAV_INSUF: 'Utf8', GRAV_TAQUI: 'Utf8', GRAV_EXTRE: 'Utf8', GRAV_HIPOT: 'Utf8',
  GRAV_HEMAT: 'Utf8', GRAV_MELEN: 'Utf8', GRAV_METRO: 'Utf8', GRAV_SANG: 'Utf8', GRAV_AST: 'Utf8', GRAV_MIOC: 'Utf8',
  GRAV_CONSC: 'Utf8', GRAV_ORGAO: 'Utf8', DT_GRAV: 'Date32', MANI_HEMOR: 'Utf8', EPISTAXE: 'Utf8', GENGIVO: 'Utf8',
  METRO: 'Utf8', PETEQUIAS: 'Utf8', HEMATURA: 'Utf8', SANGRAM: 'Utf8', LACO_N: 'Utf8', PLASMATICO: 'Utf8', EVIDENCIA: 'Utf8',
  PLAQ_MENOR: 'Utf8', CON_FHD: 'Utf8', COMPLICA: 'Utf8', TP_SISTEMA: 'Utf8', NDUPLIC_N: 'Utf8', DT_DIGITA: 'Date32',
  CS_FLXRET: 'Utf8', FLXRECEBI: 'Utf8', MIGRADO_W: 'Utf8'
} as const;

/**
 * SINAN CHIK (chikungunya notifications): 122 columns — the dengue layout ({@link SINAN_DENG}) plus
 * `NU_LOTE_I`.
 *
 * @example
 * ```ts
 * Object.keys(SINAN_CHIK).length; // 122
 * ```
 */
export const SINAN_CHIK = { ...SINAN_DENG, NU_LOTE_I: 'Utf8' } as const;

/**
 * SINAN ZIKA (Zika notifications): 41 columns.
 *
 * @example
 * ```ts
 * Object.keys(SINAN_ZIKA).length; // 41
 * ```
 */
export const SINAN_ZIKA = {
  TP_NOT: 'Utf8', ID_AGRAVO: 'Utf8', DT_NOTIFIC: 'Date32', SEM_NOT: 'Utf8', NU_ANO: 'Utf8', SG_UF_NOT: 'Utf8',
  ID_MUNICIP: 'Utf8', ID_REGIONA: 'Utf8', ID_UNIDADE: 'Utf8', DT_SIN_PRI: 'Date32', SEM_PRI: 'Utf8', ANO_NASC: 'Utf8',
  NU_IDADE_N: 'Int32', CS_SEXO: 'Utf8', CS_GESTANT: 'Utf8', CS_RACA: 'Utf8', CS_ESCOL_N: 'Utf8', SG_UF: 'Utf8',
  ID_MN_RESI: 'Utf8', ID_RG_RESI: 'Utf8', ID_PAIS: 'Utf8', NDUPLIC_N: 'Utf8', IN_VINCULA: 'Utf8', DT_INVEST: 'Date32',
  ID_OCUPA_N: 'Utf8', CLASSI_FIN: 'Utf8', CRITERIO: 'Utf8', TPAUTOCTO: 'Utf8', COUFINF: 'Utf8', COPAISINF: 'Utf8',
  COMUNINF: 'Utf8', DOENCA_TRA: 'Utf8', EVOLUCAO: 'Utf8', DT_OBITO: 'Date32', DT_ENCERRA: 'Date32', DT_DIGITA: 'Date32',
  TP_SISTEMA: 'Utf8', TPUNINOT: 'Utf8', CS_SUSPEIT: 'Utf8', CS_FLXRET: 'Utf8', FLXRECEBI: 'Utf8'
} as const;

/**
 * IBGE POPT (population estimates per municipality; one DBF inside each zip): 3 columns.
 *
 * @example
 * ```ts
 * Object.keys(IBGE_POPT).length; // 3
 * ```
 */
export const IBGE_POPT = {
  MUNIC_RES: 'Utf8', ANO: 'Utf8', POPULACAO: 'Int32'
} as const;

/**
 * Known columns per dataset id (`sim_do` and friends use their CID-10 list).
 *
 * @example
 * ```ts
 * DATASET_COLUMNS['sih-rd'].MUNIC_RES; // 'Utf8'
 * ```
 */
export const DATASET_COLUMNS = {
  'sih-rd': SIH_RD,
  'sih-sp': SIH_SP,
  'sih-rj': SIH_RJ,
  'sia-pa': SIA_PA,
  'sia-bi': SIA_BI,
  'ciha': CIHA,
  'sim-do-cid10': SIM_DO,
  'sinasc-dn': SINASC_DN,
  'cnes-st': CNES_ST,
  'cnes-pf': CNES_PF,
  'cnes-lt': CNES_LT,
  'cnes-eq': CNES_EQ,
  'cnes-sr': CNES_SR,
  'sinan-deng': SINAN_DENG,
  'sinan-chik': SINAN_CHIK,
  'sinan-zika': SINAN_ZIKA,
  'base-populacional-ibge-popt': IBGE_POPT,
} as const;
