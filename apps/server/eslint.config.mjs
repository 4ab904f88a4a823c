export { default } from '@union/tooling/eslint';
