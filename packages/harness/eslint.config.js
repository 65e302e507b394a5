import shared from '../../eslint.config.js';

export default [
  ...shared,
  // The README example is plain JavaScript (its worker thread must load it without a TypeScript
  // loader), so the type checker does not stand behind it: name the Node globals it may use.
  { files: ['examples/**/*.mjs'], languageOptions: { globals: { URL: 'readonly', console: 'readonly' } } },
];
