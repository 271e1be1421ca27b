/**
 * Brazilian document and code validators: pure functions, scalar and over Arrow Utf8 columns.
 *
 * @module
 */
export { VALID, invalid } from './result.js';
export type { ValidationReason, ValidationResult } from './result.js';
export { computeCpfCheckDigits, isValidCpf, validateCpf } from './cpf.js';
export { computeCnpjCheckDigits, isValidCnpj, validateCnpj } from './cnpj.js';
export { deriveDefinitiveCns, isValidCns, validateCns } from './cns.js';
export { computeCnesCheckDigit, isCnesCheckDigitValid, validateCnes } from './cnes.js';
export type { CnesValidationResult } from './cnes.js';
export {
  IBGE_CHECK_DIGIT_EXCEPTIONS,
  computeIbgeCheckDigit,
  isValidIbgeMunicipality,
  toIbge7,
  validateIbgeMunicipality,
} from './ibge.js';
export { normalizeCid10, validateCid10 } from './cid10.js';
export type { ValidateCid10Options } from './cid10.js';
export { mask, unmask } from './mask.js';
export type { MaskKind } from './mask.js';
export { cid10Kernel, cnesFormatKernel, cnesKernel, cnpjKernel, cnsKernel, cpfKernel, ibgeKernel } from './kernels.js';
export type { ByteKernel } from './kernels.js';
export { validateCid10Column, validateCnpjColumn, validateColumn, validateCpfColumn } from './column.js';
export type { ColumnValidation, ColumnValidatorKind, ValidationCounts } from './column.js';
