import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Each library is imported only inside its own adapter folder; the core imports nothing outward. */
const adapterOnly = [
  { name: 'mongoose', message: 'mongoose belongs in src/adapters/mongo' },
  { name: 'mongodb', message: 'mongodb belongs in src/adapters/mongo' },
  { name: 'express', message: 'express belongs in src/adapters/http' },
  { name: 'grammy', message: 'grammy belongs in src/adapters/telegram' },
  { name: '@whiskeysockets/baileys', message: 'baileys belongs in src/adapters/whatsapp' },
];
const restrict = (except) => ({
  'no-restricted-imports': [
    'error',
    { paths: adapterOnly.filter((p) => p.name !== except && !except?.includes?.(p.name)) },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/**/*.ts'], rules: restrict(null) },
  { files: ['src/adapters/mongo/**/*.ts'], rules: restrict(['mongoose', 'mongodb']) },
  { files: ['src/adapters/http/**/*.ts'], rules: restrict('express') },
  { files: ['src/adapters/telegram/**/*.ts'], rules: restrict('grammy') },
  { files: ['src/adapters/whatsapp/**/*.ts'], rules: restrict('@whiskeysockets/baileys') },
  {
    files: ['src/domain/**/*.ts', 'src/dialogue/**/*.ts', 'src/nlu/**/*.ts', 'src/catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: adapterOnly,
          patterns: [
            {
              group: ['**/adapters/**', '**/app/**', '**/main.js'],
              message: 'the core imports nothing outward',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
);
