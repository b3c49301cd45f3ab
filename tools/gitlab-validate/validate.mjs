#!/usr/bin/env node
// gitlab-validate: checks a GitLab report against its JSON schema (schema/):
//   secret-detection  GitLab's security report schema 15.2.4, dist/secret-detection-report-format.json
//   codequality       GitLab's documented Code Quality fields (GitLab publishes no schema for it)
// and, for both, that fingerprints/ids are unique (GitLab drops duplicates silently).
// Usage: node validate.mjs secret-detection|codequality FILE.json
// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMAS = {
  'secret-detection': 'secret-detection-report-format.json',
  codequality: 'codequality-report.json',
};

const [kind, file] = process.argv.slice(2);
if (!SCHEMAS[kind] || !file) {
  process.stderr.write('usage: node validate.mjs secret-detection|codequality FILE.json\n');
  process.exit(2);
}
let doc;
let schema;
try {
  schema = JSON.parse(readFileSync(path.join(HERE, 'schema', SCHEMAS[kind]), 'utf8'));
  doc = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  process.stderr.write(`gitlab-validate: ${e.message}\n`);
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const errors = [];
if (!ajv.validate(schema, doc)) {
  for (const e of ajv.errors) errors.push(`${e.instancePath || '/'} ${e.message}`);
}
const items = kind === 'codequality' ? doc : doc.vulnerabilities;
const key = kind === 'codequality' ? 'fingerprint' : 'id';
const seen = new Set();
for (const [i, item] of (Array.isArray(items) ? items : []).entries()) {
  if (item && seen.has(item[key])) errors.push(`item ${i}: duplicate ${key} ${item[key]}`);
  if (item) seen.add(item[key]);
}
if (kind === 'secret-detection' && doc.version !== schema.self.version) {
  errors.push(`/version ${doc.version} is not the schema's ${schema.self.version}`);
}
for (const e of errors) process.stdout.write(`ERROR ${e}\n`);
process.stdout.write(`${file}: ${errors.length === 0 ? 'valid' : 'invalid'} ${kind} report ` +
                     `(${Array.isArray(items) ? items.length : 0} items)\n`);
process.exit(errors.length === 0 ? 0 : 1);
