import { describe, expect, it } from "vitest";
import { createCellSession } from "../../../kernel/session/index.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

describe("smoke", () => {
  it("runs cells", async () => {
    const s = await createCellSession({ notebookDir: process.cwd() });
    let t = performance.now();
    await s.ready();
    console.error("warm", performance.now() - t);
    for (const code of ["const a = 1; a", "const a = 'x'; a.length", "let y: number = 'no'", "throw new Error('boom')", "console.log('hi', a); process.stdout.write('w\\n'); 42", "import path from 'node:path'; path.join('a','b')", "await new Promise(r => setTimeout(r, 10)); 'awaited'", "np.zeros([2,3])", "%time 1+1", "function f(x: number) { return x * 2 }\nclass C { v = 3 }\ninterface I { a: number }", "const i: I = { a: f(new C().v) }; i"]) {
      const io = new MemoryPublisher();
      t = performance.now();
      const r = await s.execute(code, io, OPTS);
      console.error(JSON.stringify(code), (performance.now() - t).toFixed(1), JSON.stringify(r).slice(0, 300), JSON.stringify(io.events).slice(0, 200));
    }
  });
});
