import type { FastifyError, FastifyInstance } from 'fastify';
import { isParleyError, ParleyError } from '../../core/index.js';

/**
 * Every refusal leaves the node as `{code, message, hint, details}` with the registry's status:
 * Parley's own errors as they are, Fastify's (body too large, malformed JSON) translated to
 * Parley codes, anything unexpected as E_INTERNAL without internals (those go to the log).
 */
export function registerErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const parley = toParleyError(error);
    if (parley.code === 'E_INTERNAL') request.log.error({ err: error }, 'unexpected error');
    else request.log.info({ code: parley.code }, parley.message);
    return reply.code(parley.status).send(parley.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ParleyError('E_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]} on this node.`);
    return reply.code(error.status).send(error.toJSON());
  });
}

function toParleyError(error: FastifyError): ParleyError {
  if (isParleyError(error)) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ParleyError('E_BODY_TOO_LARGE', 'The request body is larger than this endpoint accepts.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ParleyError('E_REQUEST_MALFORMED', `The request body cannot be read: ${error.message}.`);
    default:
      if (error instanceof SyntaxError || error.statusCode === 400) return new ParleyError('E_REQUEST_MALFORMED', `The request cannot be read: ${error.message}.`);
      return new ParleyError('E_INTERNAL', 'The node hit an unexpected error; nothing was changed for this request.');
  }
}
