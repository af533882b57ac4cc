/**
 * Runtime frames in a traceback -> the one public name the user called.
 *
 * Hard rule: a traceback never shows the runtime's files (`…/dist/runtime/views/reshape.js`).
 * Each run of consecutive frames inside runtime/ becomes one line naming its outermost frame,
 * the function the user's code called: `at np.reshape (strided runtime)`, `at NDArray.get
 * (strided runtime)`. A user function the runtime called back (np.fromfunction's) keeps its own
 * frame above that line, as in Python.
 *
 * The public name comes from the frame's function name as V8 prints it (`Object.add`,
 * `ndarray_js_1.NDArray.reshape`, `Object.delete_ [as delete]`, `get T`): a method on an array is
 * `NDArray.<name>`; a function of a plain object is looked up in `np` and its namespaces
 * (`np.random.rand`); anything else keeps its class and name with the module prefix dropped.
 */
import path from "node:path";
import { CODE_ROOT } from "../paths.js";
import { np } from "../../../runtime/index.js"; // the very object cells see as `np`
import { Object, Set, RegExp } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

const RUNTIME_DIR = path.join(CODE_ROOT, "runtime") + path.sep;
/** What stands where the file was. */
export const RUNTIME_PLACE = "strided runtime";

/** Is this stack line (`    at f (/…/runtime/x.js:1:2)`) inside the runtime's own files? */
export function isRuntimeFrame(frame: string): boolean {
  return frame.includes(RUNTIME_DIR);
}

type Namespaces = { path: string; keys: Set<string> }[];
let namespaces: Namespaces | null = null;

/** np's function names and those of its namespaces (np.random, np.lib, ...), read once from the runtime. */
function publicNamespaces(): Namespaces {
  if (namespaces) return namespaces;
  const list: Namespaces = [];
  const add = (where: string, obj: Record<string, unknown>, depth: number): void => {
    const keys = new Set<string>();
    for (const key of Object.keys(obj)) {
      let v: unknown;
      try {
        v = obj[key];
      } catch {
        continue;
      }
      if (typeof v === "function") keys.add(key);
      else if (depth < 2 && v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) add(`${where}.${key}`, v as Record<string, unknown>, depth + 1);
    }
    list[list.length] = { path: where, keys };
  };
  add("np", np as unknown as Record<string, unknown>, 0);
  list.sort((a, b) => a.path.split(".").length - b.path.split(".").length); // np itself is looked in first
  namespaces = list;
  return list;
}

const FRAME_NAME = new RegExp("^\\s*at (?:async )?(.*?) \\(");

/** The public name of the function a runtime frame is in (`np.add`, `NDArray.reshape`). */
export function publicName(frame: string): string {
  const m = FRAME_NAME.exec(frame);
  if (!m) return "<anonymous>";
  let text = m[1];
  const alias = /\[as ([^\]]+)\]$/.exec(text);
  text = text.replace(/\s*\[as [^\]]+\]$/, "");
  const ctor = text.startsWith("new ");
  text = text.replace(/^(new|get|set) /, "");
  const parts = text.split(".").filter((p) => !/_js_\d+$|^exports$/.test(p));
  const name = alias ? alias[1] : parts[parts.length - 1] ?? text;
  const owner = parts.length > 1 ? parts[parts.length - 2] : "";
  if (ctor) return `new ${name}`;
  if (owner === "NDArray") return `NDArray.${name}`;
  if (owner === "Object" || owner === "") {
    for (const ns of publicNamespaces()) if (ns.keys.has(name)) return `${ns.path}.${name}`;
  }
  return owner ? `${owner}.${name}` : name;
}

/**
 * Collapse each run of runtime frames into one `at <public name> (strided runtime)` line.
 *
 * @example
 * collapseRuntimeFrames(["    at err (/k/dist/runtime/views/reshape.js:63:23)", "    at ndarray_js_1.NDArray.reshape (/k/dist/runtime/views/reshape.js:184:12)", "    at <cell> (Cell [1], line 1, column 14)"])
 * // ["    at NDArray.reshape (strided runtime)", "    at <cell> (Cell [1], line 1, column 14)"]
 */
export function collapseRuntimeFrames(frames: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < frames.length; i++) {
    if (!isRuntimeFrame(frames[i])) {
      out[out.length] = frames[i];
      continue;
    }
    let last = i;
    while (last + 1 < frames.length && isRuntimeFrame(frames[last + 1])) last++;
    out[out.length] = `    at ${publicName(frames[last])} (${RUNTIME_PLACE})`;
    i = last;
  }
  return out;
}
