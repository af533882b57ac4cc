"""Sweep of cells that patch built-ins, against a running kernel (README: "A sweep over every own property").

For every own property of the built-ins in TARGETS, in ONE kernel: save it, set it to null (pass
"null"), to a function that throws ("throw") or to a wrapper that prints its calls ("log"), run
`kept + 1` and a cell that prints and displays an array, put the original back, check the kernel
answers correctly; a hang, a dead process, "the kernel failed" or a kernel still broken after the
restore is BAD (the kernel is then restarted). A cell's own error is fine. One JSON line per patch.

Usage (Debian's jupyter_client; KERNEL names a kernelspec found through JUPYTER_PATH):
  KERNEL=strided /usr/bin/python3 scripts/hostile-sweep.py OUT.jsonl [null] [throw] [log] [--targets Map.prototype,JSON] [--only 23:2,27:2] [--timer]
(--timer: also a cell whose timer prints after the cell's first await, and a complete_request.)
About 4 minutes for the three passes (~1,400 keys each) on 2 busy cores.
"""
import os, sys, json, time
from jupyter_client.manager import KernelManager

TARGETS = [
    ("globalThis", "globalThis"),
    ("Object", "Object"), ("Object.prototype", "Object.prototype"),
    ("Array", "Array"), ("Array.prototype", "Array.prototype"),
    ("Function", "Function"), ("Function.prototype", "Function.prototype"),
    ("String", "String"), ("String.prototype", "String.prototype"),
    ("Number", "Number"), ("Number.prototype", "Number.prototype"),
    ("Boolean", "Boolean"), ("Boolean.prototype", "Boolean.prototype"),
    ("Symbol", "Symbol"), ("Symbol.prototype", "Symbol.prototype"),
    ("BigInt", "BigInt"), ("BigInt.prototype", "BigInt.prototype"),
    ("Math", "Math"), ("JSON", "JSON"), ("Reflect", "Reflect"),
    ("Promise", "Promise"), ("Promise.prototype", "Promise.prototype"),
    ("Map", "Map"), ("Map.prototype", "Map.prototype"), ("Set", "Set"), ("Set.prototype", "Set.prototype"),
    ("WeakMap.prototype", "WeakMap.prototype"), ("WeakSet.prototype", "WeakSet.prototype"),
    ("WeakRef.prototype", "WeakRef.prototype"), ("FinalizationRegistry.prototype", "FinalizationRegistry.prototype"),
    ("Date", "Date"), ("Date.prototype", "Date.prototype"),
    ("RegExp", "RegExp"), ("RegExp.prototype", "RegExp.prototype"),
    ("Error", "Error"), ("Error.prototype", "Error.prototype"),
    ("TypeError.prototype", "TypeError.prototype"), ("RangeError.prototype", "RangeError.prototype"),
    ("SyntaxError.prototype", "SyntaxError.prototype"), ("ReferenceError.prototype", "ReferenceError.prototype"),
    ("EvalError.prototype", "EvalError.prototype"), ("URIError.prototype", "URIError.prototype"),
    ("AggregateError.prototype", "AggregateError.prototype"),
    ("ArrayBuffer", "ArrayBuffer"), ("ArrayBuffer.prototype", "ArrayBuffer.prototype"),
    ("SharedArrayBuffer.prototype", "SharedArrayBuffer.prototype"),
    ("DataView.prototype", "DataView.prototype"), ("Atomics", "Atomics"),
    ("%TypedArray%", "Object.getPrototypeOf(Uint8Array)"), ("%TypedArray%.prototype", "Object.getPrototypeOf(Uint8Array.prototype)"),
] + [(f"{t}{p}", f"{t}{p}") for t in ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"] for p in ["", ".prototype"]] + [
    ("TextEncoder.prototype", "TextEncoder.prototype"), ("TextDecoder.prototype", "TextDecoder.prototype"),
    ("URL", "URL"), ("URL.prototype", "URL.prototype"),
    ("%ArrayIteratorPrototype%", "Object.getPrototypeOf([][Symbol.iterator]())"),
    ("%IteratorPrototype%", "Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))"),
    ("Buffer", "Buffer"), ("Buffer.prototype", "Buffer.prototype"),
    ("process", "process"), ("process.stdout", "process.stdout"), ("process.stderr", "process.stderr"),
    ("EventEmitter.prototype", "__ev"), ("console", "console"),
    # added in the second round
    ("%MapIteratorPrototype%", "Object.getPrototypeOf(new Map().keys())"), ("%SetIteratorPrototype%", "Object.getPrototypeOf(new Set().keys())"),
    ("%StringIteratorPrototype%", "Object.getPrototypeOf(''[Symbol.iterator]())"),
    ("%AsyncFunction.prototype%", "Object.getPrototypeOf(async function () {})"),
    ("%GeneratorPrototype%", "Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()))"),
    ("%AsyncGeneratorPrototype%", "Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})()))"),
    ("WeakMap", "WeakMap"), ("WeakRef", "WeakRef"), ("FinalizationRegistry", "FinalizationRegistry"), ("DataView", "DataView"),
    ("TextEncoder", "TextEncoder"), ("TextDecoder", "TextDecoder"),
    ("MessagePort.prototype", "__wt.MessagePort.prototype"), ("Worker.prototype", "__wt.Worker.prototype"),
    ("EventTarget.prototype", "EventTarget.prototype"), ("Event.prototype", "Event.prototype"),
    ("Stream.Writable.prototype", "__st.Writable.prototype"), ("Stream.Readable.prototype", "__st.Readable.prototype"), ("Stream.prototype", "__st.Stream.prototype"),
    ("Object.getPrototypeOf(process.stdout)", "Object.getPrototypeOf(process.stdout)"),
    ("process.env", "process.env"), ("process.versions", "process.versions"), ("process.release", "process.release"), ("process.config", "process.config"),
    ("AbortController.prototype", "AbortController.prototype"), ("AbortSignal.prototype", "AbortSignal.prototype"), ("AbortSignal", "AbortSignal"),
    ("performance", "performance"), ("Object.getPrototypeOf(performance)", "Object.getPrototypeOf(performance)"),
    ("Intl", "Intl"), ("Intl.NumberFormat.prototype", "Intl.NumberFormat.prototype"),
    ("WebAssembly", "(globalThis as any).WebAssembly"), ("WebAssembly.Memory.prototype", "(globalThis as any).WebAssembly.Memory.prototype"), ("WebAssembly.Instance.prototype", "(globalThis as any).WebAssembly.Instance.prototype"),
]

SETUP = (
    "const kept = 41; const arr = np.arange(3);\n"
    "const __gopd = Object.getOwnPropertyDescriptor, __dp = Object.defineProperty, __ok = Reflect.ownKeys;\n"
    "const __ev: any = (await import('node:events')).EventEmitter.prototype; const __wt: any = await import('node:worker_threads'); const __st: any = await import('node:stream');\n"
    "let __sv: any = undefined;\n"
    "const __thrower: any = function () { throw new Error('patched by sweep') };\n"
    "const __ra = Reflect.apply, __rc = Reflect.construct, __sw = process.stdout.write.bind(process.stdout); let __in = false; let __orig: any;\n"
    "const __wrap = (name: string, orig: any): any => function (this: any, ...a: any[]) { if (!__in) { __in = true; try { __sw('log ' + name + '\\n'); } finally { __in = false; } } return new.target ? __rc(orig, a, new.target) : __ra(orig, this, a); };\n"
    "const __T: any[] = [" + ", ".join(e for _, e in TARGETS) + "];\n"
    "const __K: any[][] = __T.map((t) => __ok(t));\n"
    "console.log(JSON.stringify(__K.map((ks) => ks.map((k: any) => typeof k === 'symbol' ? '@@' + String(k.description) : k))))"
)
ARR = "array([0, 1, 2])"

class Kern:
    def __init__(self):
        self.km = KernelManager(kernel_name=os.environ.get("KERNEL", "strided")); self.km.start_kernel(cwd=os.getcwd())
        self.kc = self.km.client(); self.kc.start_channels(); self.kc.wait_for_ready(timeout=90)
        r = self.run(SETUP, 60)
        assert r["status"] == "ok", r
        self.keys = json.loads(r["out"])
    def run(self, code, timeout=5):
        out, res, err = [], [], []
        def hook(m):
            t = m["msg_type"]; c = m["content"]
            if t == "stream": out.append(c["text"]) if c["name"] == "stdout" else err.append(c["text"])
            elif t == "execute_result": res.append(c["data"].get("text/plain"))
            elif t == "error": err.append("ERR " + c["ename"] + ": " + c["evalue"])
        t0 = time.time()
        try:
            reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
            status = reply["content"]["status"]
        except Exception:
            status = "TIMEOUT"
        return {"status": status, "out": "".join(out), "res": res, "err": "".join(err), "t": round(time.time() - t0, 2)}
    def alive(self): return self.km.is_alive()
    def stop(self):
        try: self.kc.stop_channels(); self.km.shutdown_kernel(now=True)
        except Exception: pass

def internal(r): return "kernel failed" in r["err"] or "InternalError" in r["err"]

def main():
    outp = open(sys.argv[1], "a")
    passes = [a for a in sys.argv[2:] if a in ("null", "throw", "log")] or ["null", "throw"]
    only = None
    if "--only" in sys.argv: only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
    tfilter = None
    if "--targets" in sys.argv: tfilter = set(sys.argv[sys.argv.index("--targets") + 1].split(","))
    k = Kern(); restarts = []
    t_start = time.time()
    for ps in passes:
        val = {"null": "null", "throw": "__thrower", "log": "__orig"}[ps]
        for i, (label, _) in enumerate(TARGETS):
            if tfilter and label not in tfilter: continue
            for j, key in enumerate(k.keys[i]):
                if only and f"{i}:{j}" not in only: continue
                if label == "globalThis" and isinstance(key, str) and key.startswith("__"): continue
                name = f"{label}[{key}]" if key.startswith("@@") else f"{label}.{key}"
                ref = f"(__T[{i}] as any)[__K[{i}][{j}]]"
                pre = f"__orig = typeof __sv?.value === 'function' ? __wrap({json.dumps(name)}, __sv.value) : null;\n" if ps == "log" else ""
                patch = (f"__sv = __gopd(__T[{i}], __K[{i}][{j}]); {pre} try {{ {ref} = {val}; }} catch {{}}\n"
                         f"if ({ref} !== {val} && __sv?.configurable) __dp(__T[{i}], __K[{i}][{j}], {{ value: {val}, writable: true, configurable: true }});\n"
                         f"{ref} === {val} && {val} !== null ? 'patched' : {ref} === {val} && ({json.dumps(ps)} as string) === 'null' ? 'patched' : 'unpatchable'")
                rec = {"pass": ps, "name": name, "ij": f"{i}:{j}"}
                rp = k.run(patch); rec["patch"] = rp
                if rp["status"] == "ok" and rp["res"] == ["'unpatchable'"]:
                    rec["verdict"] = "skip"; k.run(f"__dp(__T[{i}], __K[{i}][{j}], __sv)"); outp.write(json.dumps(rec) + "\n"); continue
                bad = []
                if rp["status"] == "TIMEOUT": bad.append("patch:hang")
                if internal(rp): bad.append("patch:internal")
                p1 = k.run("kept + 1") if not bad else None
                p2 = k.run("console.log('p'); arr") if not bad else None
                p3 = k.run("setTimeout(() => console.log('late'), 20); await new Promise((r) => setTimeout(r, 150)); kept") if not bad and "--timer" in sys.argv else None
                rec["p1"], rec["p2"], rec["p3"] = p1, p2, p3
                if "--timer" in sys.argv and not bad:
                    try:
                        cm = k.kc.complete("ar", 2, reply=True, timeout=5); rec["complete"] = "arr" in cm["content"]["matches"]
                    except Exception: rec["complete"] = "TIMEOUT"
                    if rec["complete"] is not True: bad.append("complete:" + str(rec["complete"]))
                notes = []
                for nm, p, want in (("p1", p1, lambda r: r["res"] == ["42"]), ("p2", p2, lambda r: r["res"] == [ARR] and r["out"] == "p\n"), ("p3", p3, lambda r: r["res"] == ["41"] and r["out"] == "late\n")):
                    if p is None: continue
                    if p["status"] == "TIMEOUT": bad.append(nm + ":hang")
                    elif internal(p): bad.append(nm + ":internal")
                    elif p["status"] == "ok" and not want(p): bad.append(nm + ":lost-output")
                    elif p["status"] == "error": notes.append(nm + ":cell-error")
                if not k.alive(): bad.append("dead")
                if not any(b.endswith(":hang") or b == "dead" for b in bad):
                    rr = k.run(f"__dp(__T[{i}], __K[{i}][{j}], __sv); 'restored'"); rec["restore"] = rr
                    post = k.run("console.log('q' + (kept + 1)); arr"); rec["post"] = post
                    if rr["status"] != "ok": bad.append("restore:" + rr["status"])
                    if not (post["status"] == "ok" and post["out"] == "q42\n" and post["res"] == [ARR]): bad.append("stays-broken")
                if not k.alive() and "dead" not in bad: bad.append("dead")
                rec["bad"], rec["notes"] = bad, notes
                rec["verdict"] = "BAD" if bad else ("cell-error" if notes else "ok")
                outp.write(json.dumps(rec) + "\n"); outp.flush()
                if bad:
                    fatal = any(b.endswith(":hang") or b in ("dead", "stays-broken") or b.startswith("restore:") for b in bad)
                    print(f"BAD {ps} {name} {bad} :: " + json.dumps({x: rec.get(x) for x in ("patch", "p1", "p2", "post")})[:600], flush=True)
                    if fatal:
                        why = "dead" if not k.alive() else "hung/broken"
                        restarts.append((name, ps, why))
                        k.stop(); k = Kern()
                    # keys may differ? assume same kernel build: same keys
    print("elapsed", round(time.time() - t_start), "restarts", len(restarts), flush=True)
    for r in restarts: print("  restart", r)
    k.stop()

main()
