// js-yaml arrives with electron-builder and has no bundled types; the tests need only `load`.
declare module 'js-yaml' {
  export function load(source: string): unknown;
}
