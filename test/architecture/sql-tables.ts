// Finds the tables a TypeScript file names in SQL: the names after FROM, JOIN, INTO, UPDATE,
// TABLE, REFERENCES, TRUNCATE and COPY inside its string and template literals. Comments are never
// read (they are not literals), and SQL keywords are matched in capitals and names in lower case,
// as this code writes them, so that prose such as 'a message from users' is not taken for SQL.
// Where the name is interpolated (`FROM ${table}`) the mention is returned as `${…}`: the name
// cannot be read, but that SQL runs on some table all the same.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface TableMention {
  /** The table's name, or `${…}` where the name is interpolated. */
  table: string;
  line: number;
}

/** How a mention whose table name is interpolated is reported. */
export const interpolated = '${…}';

const name = String.raw`(?:"?[a-z_]\w*"?\.)?"?[a-z_]\w*"?`;
// An alias is written in lower case like every name here, so it is never a keyword (`FROM a JOIN b`).
const alias = String.raw`(?:\s+(?:AS\s+)?[a-z_]\w*)?`;
// `FROM a x, b y` and `TRUNCATE a, b` name several tables in one list.
const tableList = new RegExp(
  String.raw`\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|TRUNCATE|COPY)\s+(?:ONLY\s+|LATERAL\s+|IF\s+(?:NOT\s+)?EXISTS\s+)*` +
    String.raw`(${name}${alias}(?:\s*,\s*${name}${alias})*)`,
  'g',
);
const listItem = new RegExp(String.raw`(?:^|,)\s*(${name})`, 'g');
const interpolatedTable =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|TRUNCATE|COPY)\s+(?:ONLY\s+|LATERAL\s+|IF\s+(?:NOT\s+)?EXISTS\s+)*"?\$\{/g;

/** The literal's source text with each `${…}` blanked out, so offsets still point into the file. */
function literalText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, file: ts.SourceFile) {
  const start = node.getStart(file);
  let text = file.text.slice(start, node.end);
  if (ts.isTemplateExpression(node)) {
    for (const span of node.templateSpans) {
      const from = span.expression.getFullStart() - start;
      const to = span.expression.end - start;
      text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
    }
  }
  return { start, text };
}

/** Every table name (known or not) that the SQL in `source` names, with its line. */
export function tablesNamedInSql(source: string, fileName = 'file.ts'): TableMention[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const mentions: TableMention[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const { start, text } = literalText(node, file);
      for (const match of text.matchAll(tableList)) {
        const list = match[1]!;
        const listStart = match.index + match[0].length - list.length;
        for (const item of list.matchAll(listItem)) {
          const qualified = item[1]!;
          const table = qualified.replaceAll('"', '').split('.').pop()!;
          const offset = start + listStart + item.index + item[0].length - qualified.length;
          mentions.push({ table, line: file.getLineAndCharacterOfPosition(offset).line + 1 });
        }
      }
      for (const match of text.matchAll(interpolatedTable)) {
        const offset = start + match.index + match[0].length - 2;
        mentions.push({ table: interpolated, line: file.getLineAndCharacterOfPosition(offset).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return mentions;
}

/** The tables and views the migrations create (their `--` comments left out). */
export function tablesOfMigrations(folder: string): string[] {
  const created =
    /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:UNLOGGED\s+|MATERIALIZED\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"?\w+"?\.)?"?(\w+)"?/gi;
  const names = fs
    .readdirSync(folder)
    .filter((entry) => entry.endsWith('.sql'))
    .flatMap((entry) =>
      [...fs.readFileSync(path.join(folder, entry), 'utf8').replace(/--.*$/gm, '').matchAll(created)].map((match) => match[1]!),
    );
  return [...new Set(names)].sort();
}
