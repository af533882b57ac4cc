import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The package folder (holding bin/strided.js and package.json), found by walking up from this
 * file; the same from dist/kernel/cli and from kernel/cli under a test runner.
 *
 * @example
 * packageRoot(); // "/work/main"
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "bin", "strided.js")) && existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the strided package (bin/strided.js) above ${from}`);
  }
}
