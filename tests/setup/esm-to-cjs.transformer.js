// Jest transformer for the ES-module-only packages in node_modules (NestJS 12, Apollo Server 5):
// Jest's CommonJS runtime cannot require() ES modules before Node 24.9, so there (only; see
// jest.config.js) they are transpiled to CommonJS here. `import.meta.url` has no CommonJS form in
// TypeScript's output, so it is replaced by the module's file URL, known at transform time.
const ts = require('typescript');
const crypto = require('node:crypto');
const { pathToFileURL } = require('node:url');

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  allowJs: true,
  sourceMap: false,
};

module.exports = {
  getCacheKey(source, path) {
    return crypto
      .createHash('sha1')
      .update(ts.version)
      .update('v3')
      .update(path)
      .update(source)
      .digest('hex');
  },
  process(source, path) {
    const url = JSON.stringify(pathToFileURL(path).href);
    let rewritten = source.replace(/\bimport\.meta\.url\b/g, url);
    // Some modules make their own `const require = createRequire(...)`; inside Jest's CommonJS
    // wrapper that name is taken, so theirs is renamed.
    if (/\b(const|let|var)\s+require\s*=/.test(rewritten)) {
      rewritten = rewritten.replace(/\brequire\b(?=\s*[(=.])/g, '__moduleRequire');
    }
    const { outputText } = ts.transpileModule(rewritten, { compilerOptions: options, fileName: path });
    return { code: outputText };
  },
};
