export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes.js';
export { hintFor } from './hints.js';
export { ParleyError, isParleyError } from './parley-error.js';
export { renderErrorTable } from './error-table.js';
