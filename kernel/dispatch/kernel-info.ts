/**
 * The kernel_info_reply content (messaging spec 5.3, "Kernel info"), the same on shell and control.
 * language_info follows API.md section 1. The TypeScript version is read from typescript's
 * package.json, never by loading the compiler (that costs hundreds of milliseconds at start-up).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROTOCOL_VERSION } from "../transport/wire.js";

/** The version field of the package.json found by walking up from `from` whose name is `name`. */
function ownPackageVersion(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: unknown; version?: unknown };
        if (pkg.name === name && typeof pkg.version === "string") return pkg.version;
      } catch {
        // not ours, keep walking
      }
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}

/** The installed TypeScript's version, from typescript/package.json. */
export function typescriptVersion(): string {
  try {
    const p = require.resolve("typescript/package.json");
    const pkg = JSON.parse(readFileSync(p, "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The content of a kernel_info_reply. `note`: a line added to the banner (why the kernel started
 * without its startup snapshot, bin/strided-kernel and kernel/snapshot/entry.ts).
 *
 * @example
 * kernelInfoContent().language_info.name; // "typescript"
 */
export function kernelInfoContent(note?: string): {
  status: "ok";
  protocol_version: string;
  implementation: string;
  implementation_version: string;
  language_info: {
    name: string;
    version: string;
    mimetype: string;
    file_extension: string;
    pygments_lexer: string;
    codemirror_mode: { name: string; typescript: boolean };
  };
  banner: string;
  help_links: { text: string; url: string }[];
  /** JupyterLab's debugger panel is offered for kernels that say true (kernel/debug/adapter.ts). */
  debugger: boolean;
} {
  const version = ownPackageVersion(__dirname, "strided");
  const ts = typescriptVersion();
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: "strided",
    implementation_version: version,
    language_info: {
      name: "typescript",
      version: ts,
      mimetype: "text/typescript",
      file_extension: ".ts",
      pygments_lexer: "typescript",
      codemirror_mode: { name: "javascript", typescript: true },
    },
    banner: `strided ${version}: TypeScript ${ts} on Node ${process.versions.node}, with NumPy-like strided arrays preloaded as np${note ? `\n(${note})` : ""}`,
    help_links: [
      { text: "TypeScript handbook", url: "https://www.typescriptlang.org/docs/handbook/intro.html" },
      { text: "NumPy: copies and views", url: "https://numpy.org/doc/stable/user/basics.copies.html" },
      { text: "NumPy: the N-dimensional array", url: "https://numpy.org/doc/stable/reference/arrays.ndarray.html" },
    ],
    debugger: true,
  };
}
