// The audit log's page and CSV show actions and record types in words. The words are in the web
// app's catalogue; this reads the server's source for every action and record type it can write
// to the log (policy actions, which denials are logged under, and the actions and record types of
// `audit(…)` calls), and names those the catalogue has no words for.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import en from '../../web/src/i18n/en.json';

const repository = path.resolve(import.meta.dirname, '../..');

function serverSources(): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(repository, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.includes('generated'))
    .map((entry) => ({ file: entry, text: fs.readFileSync(path.join(repository, 'src', entry), 'utf8') }));
}

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);

function writtenToTheLog() {
  const actions = new Set<string>();
  const recordTypes = new Set<string>();
  for (const { text } of serverSources()) {
    for (const action of all(text, /\baction:\s*'([a-z_]+\.[a-z_]+)'/g)) actions.add(action);
    // `const action = cond ? 'a.b' : 'c.d'`
    for (const line of all(text, /\bconst action = ([^;\n]+)/g))
      for (const action of all(line, /'([a-z_]+\.[a-z_]+)'/g)) actions.add(action);
    // Policy actions, declared where a domain augments PolicyActions: `'user.read': Guarded;`
    if (text.includes('interface PolicyActions {') && !text.includes('export interface PolicyActions {}'))
      for (const action of all(text, /^\s+'([a-z_]+\.[a-z_]+)':/gm)) actions.add(action);
    for (const recordType of all(text, /\brecordType:\s*'([a-z_]+)'/g)) recordTypes.add(recordType);
    // `authorizeFor(context, 'user.read', {…}, 'user')`: the record type of a logged denial.
    for (const call of all(text, /authorizeFor\(([\s\S]*?)\);/g))
      for (const recordType of all(call, /,\s*'([a-z_]+)'\s*,?\s*$/g)) recordTypes.add(recordType);
  }
  return { actions: [...actions].sort(), recordTypes: [...recordTypes].sort() };
}

it('has words for every action and record type the server writes to the audit log', () => {
  const { actions, recordTypes } = writtenToTheLog();
  // The reading of the source finds what it should (a broken pattern would find nothing).
  expect(actions).toEqual(expect.arrayContaining(['session.sign_in', 'directory_service.update_intake', 'request.csrf_refused']));
  expect(recordTypes).toEqual(expect.arrayContaining(['user', 'hsds_service', 'audit_log']));
  const actionWords = en.audit.actions as Record<string, Record<string, string>>;
  const withoutWords = actions.filter((action) => {
    const [recordType, verb] = action.split('.') as [string, string];
    return !actionWords[recordType]?.[verb];
  });
  expect(withoutWords).toEqual([]);
  expect(recordTypes.filter((recordType) => !(recordType in en.audit.recordTypes))).toEqual([]);
});
