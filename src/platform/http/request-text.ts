// Every string a request carries — query parameters, path parameters, every string (and key) in
// a JSON body — is checked against the text rule in one place, before the route's own schema:
// a route cannot forget it. Query and path values are one line; body strings may be multi-line
// here, and a schema narrows its one-line fields with `oneLineText()`. Bodies nested deeper than
// any Kith schema goes are refused before anything walks them.
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './app-error';
import { textFault, type TextKind } from './text';

const MAX_DEPTH = 32;

interface Pending {
  value: unknown;
  path: string[];
  depth: number;
}

/** The first fault in `root`, named as the problem handler names fields (`query.q`, `name`, `units.0`). */
export function findTextFault(root: unknown, prefix: string, kind: TextKind): FieldError | undefined {
  const field = (path: string[]) => [prefix, ...path].filter(Boolean).join('.') || 'body';
  const stack: Pending[] = [{ value: root, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const fault = textFault(value, kind);
      if (fault) return { field: field(path), message: fault };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field: field(path), message: `is nested more than ${MAX_DEPTH} levels deep` };
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    for (const [key, item] of entries) {
      const keyFault = textFault(key, 'one-line');
      if (keyFault) return { field: field(path), message: `has a field name that ${keyFault}` };
      stack.push({ value: item, path: [...path, key], depth: depth + 1 });
    }
  }
  return undefined;
}

export function registerRequestTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fault =
      findTextFault(request.params, 'path', 'one-line') ??
      findTextFault(request.query, 'query', 'one-line') ??
      findTextFault(request.body, '', 'multi-line');
    if (fault) throw new AppError('validation_failed', `${fault.field}: ${fault.message}`, { errors: [fault] });
  });
}
