#!/usr/bin/env node
// The `strided` command: runs the compiled CLI (see kernel/cli/main.ts).
require("../dist/kernel/cli/main.js");
