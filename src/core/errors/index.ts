export { ERROR_CODES, type ErrorCode } from './codes.js';
export { ParleyError, isParleyError } from './parley-error.js';
export { renderErrorTable } from './error-table.js';
