#!/usr/bin/env node
// sarif-validate: check a SARIF 2.1.0 log against
//   1. the OASIS SARIF 2.1.0 JSON schema (errata01 OS version, JSON Schema draft-04),
//   2. SARIF-spec consistency rules the schema cannot express, and
//   3. the ingestion rules of GitHub code scanning, GitLab `artifacts:reports:sarif`
//      and the VS Code SARIF Viewer (the "github" profile, on by default).
//
// Usage: node validate.mjs [--no-github] [--strict] [--quiet] [--max-per-check N]
//                          [--schema PATH] FILE.sarif [FILE.sarif ...]
// Exit status: 0 = valid (warnings allowed unless --strict), 1 = invalid, 2 = usage/IO error.

import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- constants
const MB = 1024 * 1024;
const LIMITS = {
  gzipBytes: 10 * MB,          // GitHub: gzip-compressed SARIF max 10 MB
  rawBytes: 10 * MB,           // GitLab: ci_max_artifact_size_sarif default 10 MB
  runsPerFile: 20,             // GitHub + GitLab
  resultsPerRunHard: 25000,    // GitHub hard limit
  resultsPerRunSoft: 5000,     // GitHub displays top 5,000; GitLab processes first 5,000
  rulesPerRun: 25000,          // GitHub + GitLab
  extensionsPerRun: 100,       // GitHub
  locationsPerResult: 1000,    // GitHub hard limit (100 displayed)
  tagsPerRuleHard: 20,         // GitHub hard limit
  tagsPerRuleSoft: 10,         // GitHub displays 10, GitLab keeps 10
  ruleNameLen: 255,            // GitHub + GitLab
  shortDescLen: 1024,          // GitHub + GitLab
  fullDescLen: 1024,           // GitHub (GitLab allows 2,048)
  messageLen: 2048,            // GitLab skips longer results
  helpUriLen: 2048,            // GitLab
};
// Last path segment of $schema, minus "-schema" and ".json", that the VS Code SARIF Viewer accepts
// (src/extension/loadLogs.ts detectSupport); the first one is the final 2.1.0 schema.
const FINAL_SCHEMA_NAMES = new Set(['sarif-2.1.0']);
const PREFINAL_SCHEMA_NAMES = new Set(['sarif-2.1.0-rtm.5', 'sarif-2.1.0-rtm.6']);
const PRECISION = new Set(['very-high', 'high', 'medium', 'low']);
const PROBLEM_SEVERITY = new Set(['error', 'warning', 'recommendation']);
// CWEs GitLab treats as "secret detection" when ingesting SARIF (docs: application_security/detect/sarif).
const GITLAB_SECRET_CWES = new Set(['798', '259', '321', '522', '312', '319', '256', '257', '540']);
const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

// ---------------------------------------------------------------- CLI
function usage(msg, code = 2) {
  if (msg) process.stderr.write(`sarif-validate: ${msg}\n`);
  (code === 0 ? process.stdout : process.stderr).write(
    'usage: node validate.mjs [--no-github] [--strict] [--quiet] [--max-per-check N] [--schema PATH] FILE.sarif...\n' +
    '  --no-github       only the JSON schema and SARIF-spec consistency checks\n' +
    '  --strict          warnings also make the exit status non-zero\n' +
    '  --quiet           print errors only (and the summary line)\n' +
    '  --max-per-check N print at most N findings per check and file (default 10, 0 = all)\n' +
    '  --schema PATH     SARIF 2.1.0 JSON schema to use (default: bundled OASIS errata01 schema)\n');
  process.exit(code);
}

const opts = { github: true, strict: false, quiet: false, maxPerCheck: 10, schema: null, files: [] };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-github') opts.github = false;
    else if (a === '--strict') opts.strict = true;
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '--max-per-check') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) usage('--max-per-check needs a non-negative integer');
      opts.maxPerCheck = n;
    } else if (a === '--schema') {
      if (!argv[i + 1]) usage('--schema needs a path');
      opts.schema = argv[++i];
    } else if (a === '-h' || a === '--help') usage(undefined, 0);
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (opts.files.length === 0) usage('no input file');
}

// ---------------------------------------------------------------- schema
function findSchema() {
  const candidates = [
    opts.schema,
    process.env.SARIF_SCHEMA,
    path.join(HERE, 'schema', 'sarif-schema-2.1.0.json'),
  ].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  process.stderr.write(`sarif-validate: SARIF schema not found; looked at:\n  ${candidates.join('\n  ')}\n` +
    'Pass --schema PATH or set SARIF_SCHEMA.\n');
  process.exit(2);
}

function loadValidator() {
  const schemaPath = findSchema();
  let schema;
  try {
    schema = JSON.parse(readFileSync(schemaPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    process.stderr.write(`sarif-validate: cannot read schema ${schemaPath}: ${e.message}\n`);
    process.exit(2);
  }
  const dialect = String(schema.$schema ?? '');
  let AjvClass;
  if (dialect.includes('draft-04')) AjvClass = require('ajv-draft-04');
  else if (dialect.includes('2020-12')) AjvClass = require('ajv/dist/2020');
  else if (dialect.includes('2019-09')) AjvClass = require('ajv/dist/2019');
  else AjvClass = require('ajv');
  AjvClass = AjvClass.default ?? AjvClass;
  const addFormats = require('ajv-formats');
  // unicodeRegExp: false lets older copies of the schema compile (the 2019 draft-07 copy has a
  // 'language' pattern that is not a valid unicode-mode RegExp).
  const ajv = new AjvClass({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
  (addFormats.default ?? addFormats)(ajv);
  try {
    return { validate: ajv.compile(schema), schemaPath };
  } catch (e) {
    process.stderr.write(`sarif-validate: cannot compile schema ${schemaPath}: ${e.message}\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------- reporting
class Report {
  constructor() { this.items = []; }
  add(level, category, code, where, msg) { this.items.push({ level, category, code, where, msg }); }
  error(category, code, where, msg) { this.add('error', category, code, where, msg); }
  warn(category, code, where, msg) { this.add('warning', category, code, where, msg); }
  count(level) { return this.items.filter(i => i.level === level).length; }
}

function ptrToPath(ptr) {
  // "/runs/0/results/3/level" -> "runs[0].results[3].level"
  if (!ptr) return '(root)';
  let out = '';
  for (const raw of ptr.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += (out ? '.' : '') + seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

function describeAjvError(e) {
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'required': return `missing required property '${p.missingProperty}'`;
    case 'additionalProperties': return `property '${p.additionalProperty}' is not allowed here`;
    case 'enum': return `must be one of: ${(p.allowedValues ?? []).map(v => JSON.stringify(v)).join(', ')}`;
    case 'type': return `must be of type ${p.type}`;
    case 'format': return `must be a valid '${p.format}'`;
    case 'minimum': return `must be >= ${p.limit}`;
    case 'minItems': return `must have at least ${p.limit} item(s)`;
    case 'uniqueItems': return `items ${p.j} and ${p.i} are identical (array must have unique items)`;
    case 'pattern': return `must match pattern ${p.pattern}`;
    default: return e.message;
  }
}

function schemaErrors(errors, data, report) {
  // Collapse the children of a failed anyOf/oneOf into one line.
  const groups = errors.filter(e => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const isChild = (e) => groups.some(g => g !== e && e.instancePath === g.instancePath &&
    e.schemaPath.startsWith(g.schemaPath + '/'));
  for (const e of errors) {
    if (isChild(e)) continue;
    let msg;
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const kids = errors.filter(k => k !== e && k.instancePath === e.instancePath &&
        k.schemaPath.startsWith(e.schemaPath + '/')).map(describeAjvError);
      msg = `must satisfy ${e.keyword === 'anyOf' ? 'at least one' : 'exactly one'} of: ${[...new Set(kids)].join(' | ')}`;
    } else {
      msg = describeAjvError(e);
      const actual = valueAt(data, e.instancePath);
      if (['enum', 'type', 'format', 'minimum', 'pattern'].includes(e.keyword) && actual !== undefined) {
        const s = JSON.stringify(actual);
        msg += ` (got ${s.length > 80 ? s.slice(0, 77) + '...' : s})`;
      }
    }
    report.error('schema', `schema/${e.keyword}`, ptrToPath(e.instancePath), msg);
  }
}

function valueAt(data, ptr) {
  let v = data;
  for (const raw of (ptr || '').split('/').slice(1)) {
    if (v == null) return undefined;
    v = v[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

// ---------------------------------------------------------------- helpers
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmptyStr = (v) => typeof v === 'string' && v.trim().length > 0;
const textOf = (mfms) => (isObj(mfms) && typeof mfms.text === 'string') ? mfms.text : undefined;

function normalizeSchemaName(s) {
  return new URL(s).pathname.split('/').pop().replace('-schema', '').replace(/\.json$/, '');
}

function relativeUriProblems(uri) {
  const problems = [];
  if (SCHEME_RE.test(uri)) problems.push(`is an absolute URI (scheme '${uri.split(':')[0]}'); emit a path relative to the repository root`);
  else {
    if (uri.startsWith('/')) problems.push("starts with '/'; emit a path relative to the repository root");
    const segs = uri.split(/[?#]/)[0].split('/');
    if (segs.includes('..') || segs.includes('.')) problems.push("contains '.' or '..' segments; normalize the path");
  }
  if (uri.includes('\\')) problems.push("contains a backslash; use '/' separators (GitHub rejects it as an invalid URI)");
  if (/\s/.test(uri)) problems.push('contains whitespace; percent-encode it (%20)');
  if (/%(?![0-9A-Fa-f]{2})/.test(uri)) problems.push("contains a '%' that is not a valid percent-escape");
  if (uri.length === 0) problems.push('is empty');
  return problems;
}

// ---------------------------------------------------------------- checks
function checkLog(log, bytes, report) {
  const G = opts.github;
  const root = '(root)';

  // $schema: GitHub docs list it as required; VS Code SARIF Viewer refuses unknown schema names.
  if (log.$schema === undefined) {
    if (G) report.error('github', 'schema-uri', root,
      "'$schema' is missing; use \"https://json.schemastore.org/sarif-2.1.0.json\" or the OASIS errata01 URI " +
      '(GitHub docs mark it required; SARIF2008)');
  } else if (typeof log.$schema === 'string') {
    let name = null;
    try { name = normalizeSchemaName(log.$schema); } catch { /* not a URL */ }
    if (name === null) {
      report.error(G ? 'github' : 'spec', 'schema-uri', '$schema', `'${log.$schema}' is not an absolute URL (the VS Code SARIF Viewer throws on it)`);
    } else if (PREFINAL_SCHEMA_NAMES.has(name)) {
      report.add(G ? 'error' : 'warning', G ? 'github' : 'spec', 'schema-uri', '$schema',
        `'${log.$schema}' names a pre-final 2.1.0 schema; reference the final one (SARIF1011/GH1011)`);
    } else if (!FINAL_SCHEMA_NAMES.has(name) && G) {
      report.error('github', 'schema-uri', '$schema',
        `'${log.$schema}' is not recognized as the final SARIF 2.1.0 schema; the VS Code SARIF Viewer will refuse to load the log ` +
        "(its last path segment must be 'sarif-2.1.0.json' or 'sarif-schema-2.1.0.json')");
    }
  }

  if (G) {
    const gz = gzipSync(bytes).length;
    if (gz > LIMITS.gzipBytes) report.error('github', 'size', root, `gzip-compressed size ${gz} bytes exceeds GitHub's 10 MB upload limit`);
    if (bytes.length > LIMITS.rawBytes) report.warn('gitlab', 'size', root, `file size ${bytes.length} bytes exceeds GitLab's default 10 MB SARIF artifact limit`);
  }

  const runs = Array.isArray(log.runs) ? log.runs : [];
  if (G && runs.length > LIMITS.runsPerFile) report.error('github', 'limits', 'runs', `${runs.length} runs; GitHub and GitLab accept at most ${LIMITS.runsPerFile} per file`);
  if (G && runs.length === 0) report.warn('github', 'runs', 'runs', 'no runs: GitHub will record nothing (emit one run with an empty results array instead)');

  const categories = new Map();
  runs.forEach((run, ri) => {
    if (!isObj(run)) return;
    checkRun(run, `runs[${ri}]`, report, categories);
  });
}

function checkRun(run, where, report, categories) {
  const G = opts.github;
  const driver = run.tool?.driver ?? {};
  const rules = Array.isArray(driver.rules) ? driver.rules : [];
  const results = Array.isArray(run.results) ? run.results : null;

  // --- tool / driver
  if (!nonEmptyStr(driver.version) && !nonEmptyStr(driver.semanticVersion))
    report.warn('spec', 'driver', `${where}.tool.driver`, "no 'version' or 'semanticVersion'; GitHub uses it to tell tool changes from code changes (SARIF2005)");
  if (!nonEmptyStr(driver.informationUri))
    report.warn('spec', 'driver', `${where}.tool.driver`, "no 'informationUri' (SARIF2005)");
  if (G && Array.isArray(run.tool?.extensions) && run.tool.extensions.length > LIMITS.extensionsPerRun)
    report.error('github', 'limits', `${where}.tool.extensions`, `${run.tool.extensions.length} extensions; GitHub accepts at most ${LIMITS.extensionsPerRun}`);

  // --- category (automationDetails.id) uniqueness per tool, as upload-sarif enforces
  if (G) {
    const key = `${driver.name ?? ''}\u0000${run.automationDetails?.id ?? ''}`;
    if (categories.has(key)) report.error('github', 'category', `${where}.automationDetails`,
      `same tool '${driver.name}' and category '${run.automationDetails?.id ?? '(none)'}' as ${categories.get(key)}; ` +
      'GitHub rejects several runs of one tool with one category in an upload: give each a distinct automationDetails.id');
    else categories.set(key, where);
    const id = run.automationDetails?.id;
    if (id !== undefined && typeof id === 'string' && !id.includes('/'))
      report.warn('github', 'category', `${where}.automationDetails.id`,
        `'${id}' has no '/', so GitHub reads it as a run id with an empty category; use 'category/' or 'category/run-id'`);
  }

  // --- invocations
  const invs = Array.isArray(run.invocations) ? run.invocations : [];
  if (invs.length === 0)
    report.warn('spec', 'invocations', where, "no 'invocations'; emit one with executionSuccessful and toolExecutionNotifications");
  invs.forEach((inv, ii) => {
    if (!isObj(inv)) return;
    if (inv.executionSuccessful === false)
      report.warn('spec', 'invocations', `${where}.invocations[${ii}]`, 'executionSuccessful is false: consumers must treat the results as incomplete');
    (inv.toolExecutionNotifications ?? []).forEach((n, ni) => {
      if (n?.level === 'error') report.warn('spec', 'invocations', `${where}.invocations[${ii}].toolExecutionNotifications[${ni}]`,
        "an 'error' notification means the run failed (§3.20.21)");
    });
  });

  // --- originalUriBaseIds (§3.14.14, SARIF1004)
  const bases = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : null;
  if (bases) for (const [k, loc] of Object.entries(bases)) {
    if (!isObj(loc) || typeof loc.uri !== 'string') continue;
    const w = `${where}.originalUriBaseIds[${JSON.stringify(k)}].uri`;
    if (!loc.uri.endsWith('/')) report.error('spec', 'uri-base', w, `'${loc.uri}' must end with '/' (SARIF1004)`);
    if (loc.uriBaseId === undefined && !SCHEME_RE.test(loc.uri))
      report.error('spec', 'uri-base', w, `top-level base '${loc.uri}' must be an absolute URI, or omit 'uri' (§3.14.14)`);
    if (loc.uri.split('/').includes('..')) report.error('spec', 'uri-base', w, "must not contain '..' (SARIF1004)");
    if (SCHEME_RE.test(loc.uri) && G)
      report.warn('github', 'uri-base', w, `absolute base '${loc.uri}' leaks a machine path into the log and makes it non-deterministic; consider omitting 'uri'`);
  }

  // --- rules
  const ruleIds = new Map();
  if (G && rules.length > LIMITS.rulesPerRun) report.error('github', 'limits', `${where}.tool.driver.rules`, `${rules.length} rules; GitHub accepts at most ${LIMITS.rulesPerRun}`);
  if (G && results && results.length > 0 && !Array.isArray(driver.rules))
    report.error('github', 'rules', `${where}.tool.driver`, "no 'rules' array; GitHub requires rule metadata and GitLab matches ruleId against it");
  rules.forEach((rule, i) => { if (isObj(rule)) checkRule(rule, `${where}.tool.driver.rules[${i}]`, report, ruleIds, i); });

  // --- results
  if (results === null) {
    if (G) report.error('github', 'results', where, "no 'results' array; upload-sarif rejects the file ('Missing results array in run'). Emit [] when nothing was found");
    return;
  }
  if (results.length > 0 && run.columnKind === undefined)
    report.warn('spec', 'column-kind', where, "no 'columnKind' although results are present (§3.14.27 SHALL); use \"utf16CodeUnits\" (VS Code and GitHub count UTF-16 units)");
  if (G && results.length > LIMITS.resultsPerRunHard)
    report.error('github', 'limits', `${where}.results`, `${results.length} results; GitHub rejects runs with more than ${LIMITS.resultsPerRunHard}`);
  else if (G && results.length > LIMITS.resultsPerRunSoft)
    report.warn('github', 'limits', `${where}.results`, `${results.length} results; GitHub shows only the top ${LIMITS.resultsPerRunSoft} and GitLab ingests only the first ${LIMITS.resultsPerRunSoft}`);

  let withSupp = 0, withoutSupp = 0, withBaseline = 0, suppressed = 0;
  results.forEach((r, i) => {
    if (!isObj(r)) return;
    const w = `${where}.results[${i}]`;
    if (Array.isArray(r.suppressions)) {
      withSupp++;
      if (r.suppressions.length > 0 && !r.suppressions.every(s => s?.status === 'rejected')) suppressed++;
    } else withoutSupp++;
    if (r.baselineState !== undefined) withBaseline++;
    checkResult(r, w, report, rules, ruleIds, bases);
  });
  if (withSupp > 0 && withoutSupp > 0)
    report.error('spec', 'suppressions', `${where}.results`, `${withSupp} result(s) have 'suppressions' and ${withoutSupp} do not; §3.27.23 requires all or none (emit [] for unsuppressed results)`);
  if (withBaseline > 0 && withBaseline < results.length)
    report.error('spec', 'baseline', `${where}.results`, `'baselineState' is on ${withBaseline} of ${results.length} results; §3.27.24 requires it on every result or none`);
  if (G && suppressed > 0)
    report.warn('github', 'suppressions', `${where}.results`, `${suppressed} suppressed result(s): GitHub code scanning ignores 'suppressions' and opens alerts for them ` +
      '(drop them from the uploaded file or dismiss via the API); GitLab skips them; the VS Code viewer hides them by default');
}

function checkRule(rule, w, report, ruleIds, index) {
  const G = opts.github;
  const id = rule.id;
  if (typeof id === 'string') {
    if (ruleIds.has(id)) report.error(G ? 'github' : 'spec', 'rule-id', `${w}.id`, `duplicate rule id '${id}' (also rules[${ruleIds.get(id)}])`);
    else ruleIds.set(id, index);
    if (rule.name !== undefined && rule.name === id) report.warn('spec', 'rule-name', `${w}.name`, "'name' equals 'id'; id should be opaque, name a readable PascalCase identifier (SARIF1001)");
  }
  if (!G) return;
  const props = isObj(rule.properties) ? rule.properties : {};
  const short = textOf(rule.shortDescription), full = textOf(rule.fullDescription), help = textOf(rule.help);
  if (!nonEmptyStr(short)) report.error('github', 'rule-meta', w, "'shortDescription.text' is required by GitHub code scanning (GH2012)");
  else if (short.length > LIMITS.shortDescLen) report.error('github', 'rule-meta', `${w}.shortDescription.text`, `${short.length} chars; limit ${LIMITS.shortDescLen}`);
  if (!nonEmptyStr(full)) report.error('github', 'rule-meta', w, "'fullDescription.text' is required by GitHub code scanning (GH2012)");
  else if (full.length > LIMITS.fullDescLen) report.error('github', 'rule-meta', `${w}.fullDescription.text`, `${full.length} chars; GitHub limit ${LIMITS.fullDescLen}`);
  if (!nonEmptyStr(help)) report.error('github', 'rule-meta', w, "'help.text' is required by GitHub code scanning (GH2012)");
  if (!nonEmptyStr(rule.help?.markdown)) report.warn('github', 'rule-meta', w, "no 'help.markdown'; GitHub shows it instead of help.text when present (recommended)");
  if (typeof rule.name === 'string' && rule.name.length > LIMITS.ruleNameLen) report.error('github', 'rule-meta', `${w}.name`, `${rule.name.length} chars; limit ${LIMITS.ruleNameLen}`);
  if (typeof rule.helpUri === 'string' && rule.helpUri.length > LIMITS.helpUriLen) report.error('gitlab', 'rule-meta', `${w}.helpUri`, `${rule.helpUri.length} chars; GitLab limit ${LIMITS.helpUriLen}`);
  if (rule.defaultConfiguration?.level === 'none') report.warn('github', 'rule-meta', `${w}.defaultConfiguration.level`, "GitHub accepts only 'note', 'warning' or 'error' here");

  // security-severity: string holding a number in (0.0, 10.0]
  const sev = props['security-severity'];
  if (sev === undefined) report.error('github', 'security-severity', `${w}.properties`, "missing 'security-severity' (a string such as \"8.5\"); without it GitHub ranks the alert by level only");
  else if (typeof sev !== 'string') report.error('github', 'security-severity', `${w}.properties["security-severity"]`, `must be a string holding a number, got ${typeof sev} ${JSON.stringify(sev)}`);
  else if (!/^\s*\d+(\.\d+)?\s*$/.test(sev) || !Number.isFinite(Number(sev))) report.error('github', 'security-severity', `${w}.properties["security-severity"]`, `'${sev}' is not a number (GitHub: "invalid security severity value, is not a number")`);
  else if (!(Number(sev) > 0 && Number(sev) <= 10)) report.warn('github', 'security-severity', `${w}.properties["security-severity"]`, `${sev} is outside (0.0, 10.0]; GitHub treats it as no security severity`);

  const tags = props.tags;
  if (tags !== undefined && !Array.isArray(tags)) report.error('github', 'tags', `${w}.properties.tags`, 'must be an array of strings');
  const tagList = Array.isArray(tags) ? tags : [];
  if (tagList.some(t => typeof t !== 'string')) report.error('github', 'tags', `${w}.properties.tags`, 'every tag must be a string');
  if (tagList.length > LIMITS.tagsPerRuleHard) report.error('github', 'tags', `${w}.properties.tags`, `${tagList.length} tags; GitHub rejects more than ${LIMITS.tagsPerRuleHard}`);
  else if (tagList.length > LIMITS.tagsPerRuleSoft) report.warn('github', 'tags', `${w}.properties.tags`, `${tagList.length} tags; GitHub and GitLab keep only ${LIMITS.tagsPerRuleSoft}`);
  if (sev !== undefined && !tagList.includes('security')) report.warn('github', 'tags', `${w}.properties.tags`, "has 'security-severity' but no 'security' tag; GitHub's security-severity applies to security rules");
  if (props.precision !== undefined && !PRECISION.has(props.precision)) report.warn('github', 'precision', `${w}.properties.precision`, `'${props.precision}' is not one of very-high, high, medium, low`);
  if (props.precision === undefined) report.warn('github', 'precision', `${w}.properties`, "no 'precision' (very-high|high|medium|low); GitHub sorts and filters by it");
  if (props['problem.severity'] !== undefined && !PROBLEM_SEVERITY.has(props['problem.severity'])) report.warn('github', 'precision', `${w}.properties["problem.severity"]`, `'${props['problem.severity']}' is not one of error, warning, recommendation`);

  // GitLab classifies a SARIF finding as "Secret detection" only through a secret-related CWE.
  if (tagList.includes('security')) {
    const cweTags = tagList.filter(t => typeof t === 'string').map(t => /^cwe[-:](\d+)$/i.exec(t)?.[1]).filter(Boolean);
    const cweRels = (rule.relationships ?? []).filter(rel => rel?.target?.toolComponent?.name === 'CWE').map(rel => String(rel.target.id ?? '').replace(/^CWE-/i, ''));
    if (![...cweTags, ...cweRels].some(c => GITLAB_SECRET_CWES.has(c)))
      report.warn('gitlab', 'cwe', `${w}.properties.tags`, "no secret-related CWE as a 'cwe-N' tag or a CWE relationship (e.g. 'cwe-798'); GitLab will file the findings as SAST, not Secret detection");
  }
}

function checkResult(r, w, report, rules, ruleIds, bases) {
  const G = opts.github;
  // ruleId / rule.id (§3.27.5)
  const rid = r.ruleId ?? r.rule?.id;
  if (rid === undefined) report.error(G ? 'github' : 'spec', 'rule-id', w, "neither 'ruleId' nor 'rule.id' is present (§3.27.5; GitHub and GitLab drop such results)");
  if (r.ruleId !== undefined && r.rule?.id !== undefined && r.ruleId !== r.rule.id) report.error('spec', 'rule-id', w, `ruleId '${r.ruleId}' differs from rule.id '${r.rule.id}' (§3.27.5)`);
  if (G && r.ruleId === undefined && r.rule?.id !== undefined) report.error('github', 'rule-id', w, "set 'ruleId' (GitLab reads result.ruleId only)");
  if (G && typeof r.ruleId === 'string' && r.ruleId.trim() === '') report.error('github', 'rule-id', `${w}.ruleId`, 'is empty');
  const baseId = typeof rid === 'string' ? rid.split('/')[0] : undefined;
  if (r.ruleIndex !== undefined && Number.isInteger(r.ruleIndex)) {
    const rule = rules[r.ruleIndex];
    if (!rule) report.error('spec', 'rule-index', `${w}.ruleIndex`, `${r.ruleIndex} is outside tool.driver.rules (length ${rules.length}) (SARIF1009)`);
    else if (baseId !== undefined && rule.id !== rid && rule.id !== baseId) report.error('spec', 'rule-index', `${w}.ruleIndex`, `points at rule '${rule.id}' but ruleId is '${rid}' (§3.27.6)`);
  }
  if (G && typeof rid === 'string' && rules.length > 0 && !ruleIds.has(rid) && !ruleIds.has(baseId))
    report.error('github', 'rule-id', `${w}.ruleId`, `'${rid}' has no matching entry in tool.driver.rules (GitLab drops it; GitHub shows no rule help)`);

  // message (§3.27.11; GH1007)
  const msg = r.message?.text;
  if (G && !nonEmptyStr(msg)) report.error('github', 'message', `${w}.message`, "'message.text' is required (GitHub/GitLab do not support id+arguments-only messages, GH1007)");
  if (G && typeof msg === 'string' && msg.length > LIMITS.messageLen) report.error('gitlab', 'message', `${w}.message.text`, `${msg.length} chars; GitLab skips results whose message exceeds ${LIMITS.messageLen}`);

  if (r.fingerprints !== undefined) report.warn('spec', 'fingerprints', `${w}.fingerprints`, "direct producers SHOULD NOT populate 'fingerprints' (§3.27.16); emit 'partialFingerprints' instead");

  // partialFingerprints (GitHub uses only primaryLocationLineHash)
  if (G) {
    const pf = r.partialFingerprints;
    if (!isObj(pf) || Object.keys(pf).length === 0) report.error('github', 'fingerprints', w, "'partialFingerprints' is missing or empty; without it GitHub opens duplicate alerts when uploading through the API");
    else if (pf.primaryLocationLineHash === undefined) report.warn('github', 'fingerprints', `${w}.partialFingerprints`, "no 'primaryLocationLineHash', the only key GitHub uses (upload-sarif computes it only if the source file is on the runner)");
    else if (typeof pf.primaryLocationLineHash === 'string' && !/^[0-9a-f]+:\d+$/.test(pf.primaryLocationLineHash))
      report.warn('github', 'fingerprints', `${w}.partialFingerprints.primaryLocationLineHash`, `'${pf.primaryLocationLineHash}' is not in codeql-action's '<hex>:<n>' form; it is compared verbatim, and upload-sarif warns if its own hash differs`);
  }

  // locations
  const locs = Array.isArray(r.locations) ? r.locations : [];
  if (G && locs.length === 0) report.error('github', 'location', w, "no 'locations'; GitHub and GitLab need locations[0].physicalLocation to show a result");
  if (G && locs.length > LIMITS.locationsPerResult) report.error('github', 'limits', `${w}.locations`, `${locs.length} locations; GitHub accepts at most ${LIMITS.locationsPerResult}`);
  else if (locs.length > 1) report.warn('spec', 'location', `${w}.locations`, `${locs.length} locations; §3.27.12 allows more than one only if each must change; GitHub and GitLab use only the first`);
  locs.forEach((loc, li) => checkLocation(loc, `${w}.locations[${li}]`, report, bases, li === 0));
  (Array.isArray(r.relatedLocations) ? r.relatedLocations : []).forEach((loc, li) => checkLocation(loc, `${w}.relatedLocations[${li}]`, report, bases, false));
}

function checkLocation(loc, w, report, bases, primary) {
  const G = opts.github;
  if (!isObj(loc)) return;
  const pl = loc.physicalLocation;
  if (!isObj(pl)) { if (G && primary) report.error('github', 'location', w, "no 'physicalLocation' (GH1016)"); return; }
  const al = pl.artifactLocation;
  const uri = al?.uri;
  if (typeof uri !== 'string') {
    if (G && primary) report.error('github', 'location', `${w}.physicalLocation`, "no 'artifactLocation.uri' (GH1001/GH1017)");
  } else {
    if (al.uriBaseId !== undefined && SCHEME_RE.test(uri))
      report.error('spec', 'uri', `${w}.physicalLocation.artifactLocation`, `has uriBaseId '${al.uriBaseId}' but uri '${uri}' is absolute (§3.4.4: uriBaseId SHALL be absent)`);
    if (al.uriBaseId !== undefined && bases && !(al.uriBaseId in bases))
      report.warn('spec', 'uri', `${w}.physicalLocation.artifactLocation.uriBaseId`, `'${al.uriBaseId}' is not defined in run.originalUriBaseIds`);
    if (G) for (const p of relativeUriProblems(uri))
      report.error('github', 'uri', `${w}.physicalLocation.artifactLocation.uri`, `'${uri}' ${p}`);
  }
  const reg = pl.region;
  if (!isObj(reg)) {
    if (G && primary) report.error('github', 'region', `${w}.physicalLocation`, "no 'region' with 'startLine' (GH1003); GitLab collapses region-less findings of one rule in one file into one");
  } else {
    if (G && primary && !(Number.isInteger(reg.startLine) && reg.startLine >= 1))
      report.error('github', 'region', `${w}.physicalLocation.region`, "'startLine' (>= 1) is required (GH1003)");
    const sl = reg.startLine, el = reg.endLine ?? reg.startLine, sc = reg.startColumn ?? 1, ec = reg.endColumn;
    if (Number.isInteger(sl) && Number.isInteger(el) && el < sl)
      report.error('spec', 'region', `${w}.physicalLocation.region`, `endLine ${el} < startLine ${sl} (SARIF1007)`);
    if (Number.isInteger(sl) && el === sl && Number.isInteger(ec) && ec < sc)
      report.error('spec', 'region', `${w}.physicalLocation.region`, `endColumn ${ec} < startColumn ${sc} on one line (SARIF1007; endColumn is exclusive)`);
    for (const k of ['snippet']) if (reg[k] !== undefined && G)
      report.warn('github', 'snippet', `${w}.physicalLocation.region.${k}`, 'a snippet is stored and displayed by GitHub/GitLab/viewers: make sure the secret value is masked');
  }
  if (G && pl.contextRegion?.snippet !== undefined)
    report.warn('github', 'snippet', `${w}.physicalLocation.contextRegion.snippet`, 'a context snippet is stored and displayed: make sure the secret value is masked');
}

// ---------------------------------------------------------------- main
function decode(bytes, report) {
  let start = 0;
  if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
    report.error('encoding', 'bom', '(file)', "starts with a UTF-8 byte-order mark; upload-sarif's JSON.parse rejects it. Write UTF-8 without BOM");
    start = 3;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    report.error('encoding', 'utf8', '(file)', 'is not valid UTF-8 (SARIF files are UTF-8 JSON); decoded with replacement characters');
    return new TextDecoder('utf-8').decode(bytes.subarray(start));
  }
}

function jsonErrorWhere(text, e) {
  // Node 20 says "at position N"; Node 18 (Debian bookworm) says only "Unexpected end of JSON
  // input" for a truncated file, whose position is then the end of the text.
  const m = /position (\d+)/.exec(e.message);
  if (!m && !/Unexpected end of JSON input/.test(e.message)) return '(file)';
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

function printReport(file, report) {
  const counts = new Map();
  let hidden = 0;
  const lines = [];
  const ordered = [...report.items].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  for (const it of ordered) {
    if (opts.quiet && it.level !== 'error') continue;
    const k = `${it.level}/${it.category}/${it.code}`;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (opts.maxPerCheck > 0 && n > opts.maxPerCheck) { hidden++; continue; }
    lines.push(`  ${it.level === 'error' ? 'ERROR' : 'WARN '} [${it.category}] ${it.where}: ${it.msg}`);
  }
  const errors = report.count('error'), warnings = report.count('warning');
  const failed = errors > 0 || (opts.strict && warnings > 0);
  process.stdout.write(`${file}\n`);
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  if (hidden) process.stdout.write(`  ... ${hidden} more finding(s) of the same kinds not shown (use --max-per-check 0)\n`);
  process.stdout.write(`  => ${failed ? 'INVALID' : 'valid'}: ${errors} error(s), ${warnings} warning(s)` +
    `${opts.github ? '' : ' [schema+spec checks only]'}\n`);
  return failed;
}

const { validate, schemaPath } = loadValidator();
let anyFailed = false, anyIoError = false;
for (const file of opts.files) {
  const report = new Report();
  let bytes;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    process.stderr.write(`sarif-validate: cannot read ${file}: ${e.message}\n`);
    anyIoError = true;
    continue;
  }
  const text = decode(bytes, report);
  let log;
  try {
    log = JSON.parse(text);
  } catch (e) {
    report.error('json', 'syntax', jsonErrorWhere(text, e), `not valid JSON: ${e.message}`);
    anyFailed = printReport(file, report) || anyFailed;
    continue;
  }
  if (!validate(log)) schemaErrors(validate.errors ?? [], log, report);
  if (isObj(log)) checkLog(log, bytes, report);
  anyFailed = printReport(file, report) || anyFailed;
}
if (!opts.quiet) process.stdout.write(`(schema: ${path.relative(process.cwd(), schemaPath) || schemaPath})\n`);
process.exit(anyIoError ? 2 : anyFailed ? 1 : 0);
