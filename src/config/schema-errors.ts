/** JSON Schema errors (ajv's) as the problems of a configuration or rule file, in plain words. */
import type { ErrorObject } from 'ajv';
import type { ConfigProblem } from './errors.js';
import { quote } from './quote.js';

/** A JSON path one key further: `$.rules` and `2` -> `$.rules[2]`; keys that are not identifiers are quoted (and cut short). */
export function withKey(path: string, key: string): string {
  return /^\d+$/.test(key) ? `${path}[${key}]` : /^[A-Za-z_$][\w$]{0,59}$/.test(key) ? `${path}.${key}` : `${path}[${quote(key)}]`;
}

/** `/rules/2/pattern` -> `$.rules[2].pattern`. */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(withKey, '$');
}

/** Schema errors in plain words, one per bad value, leaving out the "if/then" bookkeeping. */
export function describeSchemaErrors(file: string, errors: readonly ErrorObject[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    const path = jsonPath(error.instancePath);
    const { params } = error;
    switch (error.keyword) {
      case 'required':
        problems.push({ file, path: withKey(path, String(params['missingProperty'])), message: 'missing' });
        break;
      case 'additionalProperties':
        problems.push({ file, path: withKey(path, String(params['additionalProperty'])), message: 'unknown property' });
        break;
      case 'enum': {
        const allowed = (params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ');
        const what = path.endsWith('.kind') ? 'unknown rule kind' : 'unknown value';
        problems.push({ file, path, message: `${what} ${quote(error.data)} (expected one of ${allowed})` });
        break;
      }
      case 'pattern':
        problems.push({ file, path, message: path.endsWith('.id') ? 'an id is pack/name in lower case, such as "mysite/share-bar"' : `does not match ${String(params['pattern'])}` });
        break;
      case 'oneOf':
        problems.push({ file, path, message: 'must be a list of lines or { "pattern": ..., "flags": ... }' });
        break;
      default:
        problems.push({ file, path, message: error.message ?? 'invalid' });
    }
  }
  // A value that fails one branch of a oneOf also reports that branch's errors: keep the first per path.
  return problems.filter((problem, index) => problems.findIndex((other) => other.path === problem.path) === index);
}
