import { describe, expect, it } from "vitest";
import { parseHelpRequest } from "../../../kernel/dispatch/help.js";

describe("parseHelpRequest", () => {
  const cases: { code: string; want: ReturnType<typeof parseHelpRequest> }[] = [
    { code: "np.zeros?", want: { expr: "np.zeros", detailLevel: 0 } },
    { code: "np.zeros??", want: { expr: "np.zeros", detailLevel: 1 } },
    { code: "?np.zeros", want: { expr: "np.zeros", detailLevel: 0 } },
    { code: "??NDArray", want: { expr: "NDArray", detailLevel: 1 } },
    { code: "  a . reshape ?\n", want: { expr: "a.reshape", detailLevel: 0 } },
    { code: "a ? b : c", want: null },
    { code: "?a?", want: null },
    { code: "a?.b", want: null },
    { code: "np.zeros", want: null },
    { code: "x = y?", want: null },
    { code: "", want: null },
  ];
  for (const c of cases) it(JSON.stringify(c.code), () => expect(parseHelpRequest(c.code)).toEqual(c.want));
});
