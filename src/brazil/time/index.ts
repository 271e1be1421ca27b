/**
 * Time zones, historical offsets, DataSUS dates and ages.
 *
 * @module
 */
export { MUNICIPALITY_TIME_ZONES, timeZoneForMunicipality, timeZoneForUf } from './zones.js';
export { toInstant, toLocalDateTime, utcOffsetMinutes } from './offsets.js';
export type { LocalDateTime } from './offsets.js';
export { daysFromCivil, daysInMonth } from './civil.js';
export { parseDataSusDate, parseDateColumn } from './dates.js';
export type { DataSusDateFormat, DateColumn, DateParseCounts } from './dates.js';
export { ageFromUnit, decodeSihAge, decodeSimAge, decodeSinanAge } from './ages.js';
export type { AgeColumns, AgeCounts, AgeUnit } from './ages.js';
