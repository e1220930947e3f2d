// @ts-check
'use strict';
/**
 * `npm run build`: the API, worker and CLI compiled by TypeScript (tsconfig.build.json) into
 * dist/, as `nest build` did, without the Nest CLI and its toolchain (which wants Node 22).
 * Two things plain `tsc` leaves undone: Node knows nothing of tsconfig's `paths`, so the `@app/*`
 * aliases in the emitted require() calls become relative paths; and the scoring kernel's files
 * that TypeScript does not compile (the WASM binary, its thread script) are copied beside it.
 */
const { copyFileSync, mkdirSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

const ROOT = resolve(__dirname, '..');
const ASSETS = [
  'libs/matching/src/engine/kernel/top-k.wasm',
  'libs/matching/src/engine/kernel/top-k.thread.js',
];

function fail(diagnostics) {
  const host = {
    getCanonicalFileName: (/** @type {string} */ f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, host));
  process.exit(1);
}

const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
});
if (!config) throw new Error('tsconfig.build.json could not be read');
if (config.errors.length > 0) fail(config.errors);
const { options } = config;
const baseUrl = options.baseUrl ?? ROOT;

/** `@app/x` → `libs/x/src`, `@app/x/y` → `libs/x/src/y` (absolute), or undefined. */
function unalias(/** @type {string} */ specifier) {
  for (const [pattern, [target]] of Object.entries(options.paths ?? {})) {
    if (pattern.endsWith('/*')) {
      const prefix = pattern.slice(0, -1);
      if (specifier.startsWith(prefix))
        return resolve(baseUrl, target.replace('*', specifier.slice(prefix.length)));
    } else if (specifier === pattern) {
      return resolve(baseUrl, target);
    }
  }
  return undefined;
}

/**
 * Runs after the CommonJS transform, when imports (type-only ones already dropped) have become
 * `require("…")` calls, so only the string changes. dist/ mirrors the source tree (rootDir "."),
 * so a path relative to the source file holds for the emitted one.
 */
const rewriteAliases =
  (/** @type {ts.TransformationContext} */ context) => (/** @type {ts.SourceFile} */ file) => {
    /** @type {ts.Visitor} */
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const target = unalias(node.arguments[0].text);
        if (target) {
          let path = relative(dirname(file.fileName), target).split(sep).join('/');
          if (!path.startsWith('.')) path = `./${path}`;
          return context.factory.updateCallExpression(node, node.expression, node.typeArguments, [
            context.factory.createStringLiteral(path),
          ]);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return /** @type {ts.SourceFile} */ (ts.visitNode(file, visit));
  };

const program = ts.createIncrementalProgram({
  rootNames: config.fileNames,
  options,
  configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
});
const diagnostics = [
  ...program.getConfigFileParsingDiagnostics(),
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...program.getSyntacticDiagnostics(),
  ...program.getSemanticDiagnostics(),
];
if (diagnostics.length > 0) fail(diagnostics);
const emitted = program.emit(undefined, undefined, undefined, false, { after: [rewriteAliases] });
if (emitted.diagnostics.length > 0) fail(emitted.diagnostics);

const outDir = options.outDir ?? join(ROOT, 'dist');
for (const asset of ASSETS) {
  const to = join(outDir, asset);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(ROOT, asset), to);
}
