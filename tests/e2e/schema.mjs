// Validates an exported record against the published JSON Schema (draft 2020-12).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadSchema } from './fixtures.mjs';

// schemars marks Rust integer types with formats such as "uint32" and "int64";
// they are checked here for what they promise rather than ignored.
const INT_FORMATS = {
  int8: [-(2 ** 7), 2 ** 7 - 1], uint8: [0, 2 ** 8 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1], uint16: [0, 2 ** 16 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], uint64: [0, Number.MAX_SAFE_INTEGER],
  int: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], uint: [0, Number.MAX_SAFE_INTEGER],
};

export async function recordValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictSchema: 'log', strictTypes: false, strictRequired: false });
  addFormats(ajv);
  for (const [name, [min, max]] of Object.entries(INT_FORMATS)) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && n >= min && n <= max });
  }
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  const validate = ajv.compile(await loadSchema());
  return (record) => {
    const ok = validate(record);
    const errors = (validate.errors || []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    return { ok, errors };
  };
}
