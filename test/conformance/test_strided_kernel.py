"""jupyter_kernel_test's conformance suite for the `strided` kernel (TypeScript cells).

By hand: `JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 -m unittest -v test_strided_kernel`.
Run by test/conformance/conformance.test.ts with the kernelspec installed into a temp prefix
and JUPYTER_PATH pointing at it. Every attribute the suite offers has a real sample, so no
test is skipped: a skip is a failure of this file.
"""
import os
import sys
import unittest

import jupyter_kernel_test


class StridedKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "strided"

    # test_kernel_info
    language_name = "typescript"
    file_extension = ".ts"

    # test_execute_stdout / test_execute_stderr
    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("something on stderr")'

    # test_completion: identifiers declared in the text itself, so the answer is known
    completion_samples = [
        {"text": "const zebraOne = 1, zebraTwo = 2;\nzebra", "matches": {"zebraOne", "zebraTwo"}},
        {"text": "Math.fl"},
        {"text": "np.zer"},
    ]

    # test_is_complete
    complete_code_samples = ["1 + 1", "const x = 5;", "function f() { return 1; }", "np.zeros([2, 3])"]
    incomplete_code_samples = ["function f() {", "const a = [1, 2,", "if (true) {\n  console.log(1);"]
    invalid_code_samples = [")", "const = 5;", "1 +* 2"]

    # test_pager: IPython's convention, `name?` pages the documentation of `name`
    code_page_something = "np.zeros?"

    # test_error: exactly one output message, the error
    code_generate_error = 'throw new Error("boom")'

    # test_execute_result (and test_history, which re-executes these)
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "[1, 2, 3].length", "result": "3"},
        {"code": "np.arange(3)", "result": "array([0, 1, 2])"},
    ]

    # test_display_data
    code_display_data = [
        {"code": 'display.html("<b>bold</b>")', "mime": "text/html"},
        {"code": 'display.svg("<svg xmlns=\'http://www.w3.org/2000/svg\' width=\'4\' height=\'4\'></svg>")', "mime": "image/svg+xml"},
        {"code": 'display.markdown("# title")', "mime": "text/markdown"},
        {"code": "display.json({ a: 1 })", "mime": "application/json"},
    ]

    # test_history: a SQLite GLOB matching exactly one of the samples above
    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")

    # test_inspect
    code_inspect_sample = "np.zeros"

    # test_clear_output
    code_clear_output = "clear_output()"


if __name__ == "__main__":
    # The kernel inherits our stderr and logs there; with STRIDED_UNITTEST_OUT the verdicts go to a
    # file of their own, so kernel logs cannot split a "test_x ... ok" line.
    out = os.environ.get("STRIDED_UNITTEST_OUT")
    stream = open(out, "w", encoding="utf-8") if out else sys.stderr
    unittest.main(testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
