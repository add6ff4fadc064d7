// Local ESLint rules for the folder boundaries of docs/ARCHITECTURE.md. They resolve each
// relative import against the importing file, so they hold for any folder, old or new,
// without a list of files.
import path from 'node:path';

const DOC = 'docs/ARCHITECTURE.md';

/** The repository-relative, forward-slash path an import points at, or null for a package. */
function target(context, spec) {
  if (typeof spec !== 'string' || !spec.startsWith('.')) return null;
  const from = path.relative(context.cwd, context.filename).split(path.sep).join('/');
  return { from, to: path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) };
}

/** Calls check(node, spec) for every static import, re-export and dynamic import. */
function eachImport(check) {
  const source = (node) => {
    if (node.source && node.source.type === 'Literal') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: source,
    ExportNamedDeclaration: source,
    ExportAllDeclaration: source,
    ImportExpression: source,
  };
}

/**
 * renderer/: an area (a folder right under renderer/: app, lab, lessons, projects, engine,
 * ui, …) may import another area's top-level modules only; a folder inside an area is that
 * area's own business. Files at renderer/'s top level (App.svelte, main.ts) put the areas
 * together and may import anything.
 */
const areaBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      internal:
        "'{{spec}}' reaches into {{folder}}/, which is internal to renderer/{{area}}/. Import what renderer/{{area}}/ offers at its top level (or move the module there): see " +
        DOC +
        ' (renderer areas).',
    },
  },
  create(context) {
    return eachImport((node, spec) => {
      const t = target(context, spec);
      if (!t) return;
      const from = t.from.split('/');
      const to = t.to.split('/');
      if (from[0] !== 'renderer' || to[0] !== 'renderer' || from.length < 3) return;
      // Same area, or a top-level module of another area: fine.
      if (from[1] === to[1] || to.length <= 3) return;
      context.report({ node, messageId: 'internal', data: { spec, area: to[1], folder: to.slice(0, 3).join('/') } });
    });
  },
};

/**
 * core/: the engine trains on the table data sets, so core/engine may import core/tabular,
 * never the other way round.
 */
const coreLayers = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      upward:
        "core/tabular must not import core/engine ('{{spec}}'): imports go core/engine → core/tabular. Put code that needs both in core/engine: see " +
        DOC +
        ' (core).',
    },
  },
  create(context) {
    return eachImport((node, spec) => {
      const t = target(context, spec);
      if (!t) return;
      if (t.from.startsWith('core/tabular/') && (t.to === 'core/engine' || t.to.startsWith('core/engine/'))) {
        context.report({ node, messageId: 'upward', data: { spec } });
      }
    });
  },
};

export default { meta: { name: 'activation-lab-boundaries' }, rules: { 'area-boundaries': areaBoundaries, 'core-layers': coreLayers } };
