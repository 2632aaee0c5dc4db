// @ts-check
// The layout rule as an ESLint rule: it resolves each relative import against the importing
// file, so `../domains/x/y`, `../../domains/x/internal/z`, `./domains/x/y` and
// `../../src/domains/x/y` are all the same import of a domain's inside. A pattern on the
// import's text alone (what no-restricted-imports offers) misses some of these forms.
//
// - Outside a domain's folder (the CLI, the app, interop, the demo, bench, tests, other
//   domains), a domain is reached only through its index.ts.
// - A domain's own code imports only its own files, the platform and other domains' index.ts:
//   never interop, the CLI, the demo, the composition root (src/*.ts) or test support. Its tests
//   may also use the whole app, the demo and test support.
// - The platform's own code imports only the platform. Its tests may use the rest.
// - The web app imports only from web/: Vite builds it from there alone.
import path from 'node:path';

const sourceExtension = /\.(?:ts|tsx|js|mjs)$/;
const testFile = /\.test\.ts$/;

/** @typedef {{ area: string, domain?: string, inside?: string }} Place */

/**
 * Where a repository-relative path (posix, no extension) sits in the layout.
 * @param {string} file
 * @returns {Place}
 */
function placeOf(file) {
  const domain = /^src\/domains\/([^/]+)(?:\/(.*))?$/.exec(file);
  if (domain) return { area: 'domain', domain: domain[1], inside: domain[2] ?? '' };
  const area = /^src\/(platform|interop|cli|demo)(?:\/|$)/.exec(file);
  if (area?.[1]) return { area: area[1] };
  if (/^src\/[^/]+$/.test(file)) return { area: 'composition root' };
  if (file.startsWith('web/')) return { area: 'web' };
  if (file.startsWith('test/')) return { area: 'test support' };
  return { area: 'other' };
}

/** @param {Place} place */
function describe(place) {
  return place.area === 'domain' ? `the ${place.domain} domain` : place.area;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the modular monolith layout: domains through their index.ts, dependencies pointing inwards.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          temporarilyAllowed: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: { type: 'string' }, to: { type: 'string' } },
              required: ['from', 'to'],
              additionalProperties: false,
            },
          },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      throughIndex: 'Reach {{domain}} only through src/domains/{{name}}/index.ts, not {{target}}.',
      inwards: '{{from}} does not import {{to}} ({{target}}): {{why}}',
      webAlone: 'The web app imports only from web/ (Vite builds it from there), not {{target}}.',
    },
  },

  create(context) {
    const { root, temporarilyAllowed = [] } = context.options[0];
    /** @param {string} absolute the repository-relative posix path */
    const relative = (absolute) => path.relative(root, absolute).split(path.sep).join('/');
    const file = relative(context.filename);
    const importer = placeOf(file.replace(sourceExtension, ''));
    const isTest = testFile.test(context.filename);

    /**
     * @param {import('estree').Node} node
     * @param {unknown} specifier
     */
    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = relative(path.resolve(path.dirname(context.filename), specifier)).replace(sourceExtension, '');
      if (
        temporarilyAllowed.some((/** @type {{ from: string, to: string }} */ entry) => entry.from === file && entry.to === target)
      )
        return;
      const place = placeOf(target);
      const data = { target, from: describe(importer), to: describe(place) };

      if (importer.area === 'web') {
        if (place.area !== 'web') context.report({ node, messageId: 'webAlone', data });
        return;
      }
      const sameDomain = importer.area === 'domain' && place.area === 'domain' && importer.domain === place.domain;
      if (place.area === 'domain' && !sameDomain && place.inside !== '' && place.inside !== 'index') {
        context.report({ node, messageId: 'throughIndex', data: { ...data, domain: describe(place), name: place.domain } });
        return;
      }
      if (isTest) return;
      if (importer.area === 'domain' && !sameDomain && place.area !== 'domain' && place.area !== 'platform') {
        context.report({
          node,
          messageId: 'inwards',
          data: { ...data, why: 'a domain depends only on the platform and other domains.' },
        });
      } else if (importer.area === 'platform' && place.area !== 'platform') {
        context.report({
          node,
          messageId: 'inwards',
          data: { ...data, why: 'the platform knows no domain and nothing built on it.' },
        });
      }
    }

    /** @param {any} node the source of an import: a string literal, or anything else */
    const literal = (node) => (node?.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      // `import('../x').Type` in a type position.
      TSImportType: (/** @type {any} */ node) => check(node, literal(node.source ?? node.argument?.literal)),
      // vi.mock('../x'), vi.importActual('../x'): a test reaching into a module by its path.
      CallExpression(node) {
        const callee = node.callee;
        const [first] = node.arguments;
        if (first && callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'vi') {
          check(first, literal(first));
        }
      },
    };
  },
};

export default { meta: { name: 'kith' }, rules: { 'domain-boundaries': rule } };
