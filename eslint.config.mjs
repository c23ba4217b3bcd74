// ESLint (flat config) for the guide's JavaScript: the site's scripts in
// docs/javascripts/ (browser globals, classic scripts) and the unit tests in tests/js/
// (Node, `node --test`). Run by pre-commit (`make lint`); the vendored ts-fsrs build is
// checked against its npm package by tests/test_practice_js.py instead.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["docs/javascripts/vendor/**", "site/**", "node_modules/**", ".cache/**", ".venv/**", "bench/out/**",
              "overrides/assets/**"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly", require: "readonly" },
    },
    rules: { "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }], eqeqeq: ["error", "smart"], "no-var": "off" },
  },
  {
    files: ["studyguide/practice/sw.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
];
