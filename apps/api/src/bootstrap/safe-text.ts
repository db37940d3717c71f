import { BadRequestException } from '@nestjs/common';
import { hasUnsafeCharacter, UNSAFE_TEXT_MESSAGE } from '@vitrina/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/*
 * One edge for every route: a JSON body, query string or path parameter
 * holding NUL or a lone UTF-16 surrogate is answered 400 before any handler
 * runs. PostgreSQL cannot store either (text refuses NUL; jsonb refuses both
 * as escapes), so letting them through only trades a clear 400 for a 500.
 */

/** A node of the walk, with a link to its parent so the path is only spelt out when needed. */
interface Step {
  value: unknown;
  key: string | undefined;
  parent: Step | undefined;
}

function pathOf(step: Step, root: string): string {
  const keys: string[] = [];
  for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
  return keys.length > 0 ? keys.join('.') : root;
}

/** Only what a parser made (plain objects and arrays), never a stream or a buffer handed on to a handler. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The path of the first string, or object key, that holds an unsafe character.
 * Iterative, so a body nested thousands deep (which JSON.parse accepts) cannot overflow the stack.
 */
export function findUnsafeText(value: unknown, root: string): string | undefined {
  const pending: Step[] = [{ value, key: undefined, parent: undefined }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    const node = step.value;
    if (typeof node === 'string') {
      if (hasUnsafeCharacter(node)) return pathOf(step, root);
    } else if (Array.isArray(node)) {
      node.forEach((child, index) => pending.push({ value: child, key: String(index), parent: step }));
    } else if (node !== null && typeof node === 'object' && isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (hasUnsafeCharacter(key)) return pathOf({ value: key, key, parent: step }, root);
        pending.push({ value: child, key, parent: step });
      }
    }
  }
  return undefined;
}

/** UTF-8 for a surrogate (ED A0–BF xx) cannot be decoded, so Fastify leaves it raw in the query; catch it here. */
const ENCODED_SURROGATE = /%ED%[AB][0-9A-F]%[89AB][0-9A-F]/i;

/** The name of the first query parameter whose raw name or value encodes NUL or a surrogate. */
function findUnsafeQuery(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    const [name] = pair.split('=', 1);
    if (ENCODED_SURROGATE.test(pair) || /%00/.test(pair)) return `query.${safeName(name)}`;
  }
  return undefined;
}

/** A parameter name fit to echo in a message: decoded where it can be, and without the very characters refused. */
function safeName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // left as sent
  }
  // eslint-disable-next-line no-control-regex -- NUL is what this replaces
  return name.replace(/\u0000|[\ud800-\udfff]|%00|%ED%[AB][0-9A-F]%[89AB][0-9A-F]/gi, '?') || '(name)';
}

function unsafePath(request: FastifyRequest): string | undefined {
  return (
    findUnsafeQuery(request.url) ??
    findUnsafeText(request.query, 'query') ??
    findUnsafeText(request.params, 'params') ??
    findUnsafeText(request.body, '(body)')
  );
}

function refusal(path: string): BadRequestException {
  return new BadRequestException({ message: `Invalid input: ${path}: ${UNSAFE_TEXT_MESSAGE}`, issues: [{ path, message: UNSAFE_TEXT_MESSAGE }] });
}

export function refuseUnsafeText(server: FastifyInstance): void {
  server.addHook('preValidation', async (request) => {
    const path = unsafePath(request);
    if (path !== undefined) throw refusal(path);
  });
}

/**
 * The raw query string's check, again before anything answers ahead of
 * routing (the public page cache, which ignores parameters it does not know):
 * an unsafe URL gets its 400 whether or not a page is stored for its path.
 */
export function refuseUnsafeQueryBeforeRouting(server: FastifyInstance): void {
  server.addHook('onRequest', async (request) => {
    const path = findUnsafeQuery(request.url);
    if (path !== undefined) throw refusal(path);
  });
}
