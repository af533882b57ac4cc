/**
 * Node's own `import()`, from a file loaded the ordinary way after a startup snapshot is
 * deserialised (functions evaluated in the snapshot builder cannot call `import()`;
 * snapshot/loader.ts routes the kernel's non-relative imports here).
 *
 * @example
 * (await nativeImport("node:path")).join("a", "b") // "a/b"
 */
export const nativeImport = (specifier: string): Promise<Record<string, unknown>> => import(specifier) as Promise<Record<string, unknown>>;
