// gongzhi/boundaries: which part of the code may import which (docs/architecture.md, "The
// module template").
//
//   modules  folders whose sub-folders are modules (src/server/modules, src/web/modules): a
//            file of module A may import module B (B ≠ A) only through B's index.ts, its one
//            public surface.
//   layers   { from, forbid }: files under `from` may import nothing under the folders in
//            `forbid`; 'node:' in `forbid` stands for Node's built-in modules (node:crypto,
//            fs, …).
//
// Paths are resolved from the importing file, so '../registry/quarters' and
// '../../modules/registry/quarters' are judged alike. Bare package names other than Node's
// built-ins are never restricted.
import { builtinModules } from 'node:module';
import path from 'node:path';

const nodeBuiltins = new Set(builtinModules);
const INDEX = new Set(['', 'index', 'index.ts', 'index.tsx', 'index.js']);

/** `folder/<name>/rest` → { name, rest }, or null when `file` is not under `folder`. */
function under(folder, file) {
  if (!file.startsWith(`${folder}/`)) return null;
  const [name, ...rest] = file.slice(folder.length + 1).split('/');
  return { name, rest: rest.join('/') };
}

const isNodeBuiltin = (spec) => spec.startsWith('node:') || nodeBuiltins.has(spec.split('/')[0]);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Modules import each other only through index.ts; core, web and contracts keep to their side.' },
    schema: [
      {
        type: 'object',
        properties: {
          modules: { type: 'array', items: { type: 'string' } },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: { type: 'string' }, forbid: { type: 'array', items: { type: 'string' } } },
              required: ['from', 'forbid'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      module: "'{{spec}}' reaches into module {{target}}: import it through {{folder}}/{{target}}/index.ts, its public surface.",
      layer: "{{from}} may not import '{{spec}}' ({{what}}).",
    },
  },

  create(context) {
    const { modules = [], layers = [] } = context.options[0] ?? {};
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const ownModules = modules.map((folder) => ({ folder, own: under(folder, file) })).filter((m) => m.own);
    const ownLayers = layers.filter((l) => file.startsWith(`${l.from}/`));
    if (ownModules.length === 0 && ownLayers.length === 0) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const target = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : null;

      for (const { folder, own } of ownModules) {
        const other = target && under(folder, target);
        if (other && other.name !== own.name && !INDEX.has(other.rest)) {
          context.report({ node, messageId: 'module', data: { spec, target: other.name, folder } });
        }
      }
      for (const layer of ownLayers) {
        for (const forbidden of layer.forbid) {
          const hit = forbidden === 'node:' ? !target && isNodeBuiltin(spec) : target && (target === forbidden || target.startsWith(`${forbidden}/`));
          if (hit) {
            const what = forbidden === 'node:' ? "a Node built-in: it must run in the browser too" : `under ${forbidden}`;
            context.report({ node, messageId: 'layer', data: { from: layer.from, spec, what } });
          }
        }
      }
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // type-only `import('…').T` in a type position
      TSImportType: (node) => {
        const arg = node.source ?? node.argument?.literal;
        if (arg?.type === 'Literal') check(arg, arg.value);
      },
    };
  },
};
