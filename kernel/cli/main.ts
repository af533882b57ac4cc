/**
 * The `strided` command (bin/strided.js runs this file from dist/). One table of subcommands:
 * add a command by adding one entry. Exit codes: 0 ok, 1 failure, 2 bad arguments.
 */
import { INSTALL_USAGE, UNINSTALL_USAGE, install, parseLocation, uninstall } from "./install.js";
import { RUN_USAGE } from "./run-usage.js";

interface Command {
  usage: string;
  /** Resolves to the exit code, or null to keep the process running (the kernel). */
  run(args: string[]): Promise<number | null>;
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const commands: Record<string, Command> = {
  kernel: {
    usage: "usage: strided kernel CONNECTION_FILE",
    async run(args) {
      if (args.length !== 1) throw new UsageError(commands.kernel.usage);
      // The transport process (the ZeroMQ sockets); it starts the compute process (`strided compute`).
      // Loaded only here, so `strided install` does not pay for the kernel's modules.
      const { runTransport } = await import("../transport/process.js");
      await runTransport(args[0]);
      return null;
    },
  },
  compute: {
    usage: "usage: strided compute SOCKET (started by the kernel's transport process, never by hand)",
    async run(args) {
      if (args.length !== 1) throw new UsageError(commands.compute.usage);
      const { startCompute } = await import("../main.js");
      await startCompute(args[0]);
      return null;
    },
  },
  install: {
    usage: INSTALL_USAGE,
    async run(args) {
      const dir = install(parseLocation(args, INSTALL_USAGE));
      out(`installed kernelspec strided in ${dir}`);
      return 0;
    },
  },
  uninstall: {
    usage: UNINSTALL_USAGE,
    async run(args) {
      const dir = uninstall(parseLocation(args, UNINSTALL_USAGE));
      if (dir === null) {
        out("no strided kernelspec there: nothing removed (pass the flags you installed with)");
        return 1;
      }
      out(`removed kernelspec strided from ${dir}`);
      return 0;
    },
  },
  run: {
    usage: RUN_USAGE,
    async run(args) {
      const { runCommand } = await import("./run.js");
      return runCommand(args);
    },
  },
};

class UsageError extends Error {}

function help(): string {
  return ["usage: strided <command> [args]", "", ...Object.values(commands).map((c) => `  ${c.usage.replace(/^usage: /, "")}`)].join("\n");
}

/** Runs the command line `argv` (without node and script); resolves to the exit code or null. */
export async function main(argv: string[]): Promise<number | null> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    out(help());
    return name === undefined ? 2 : 0;
  }
  const cmd = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(`unknown command ${JSON.stringify(name)}\n${help()}\n`);
    return 2;
  }
  try {
    return await cmd.run(args);
  } catch (e) {
    const usage = e instanceof UsageError || /^usage: /m.test((e as Error).message);
    process.stderr.write(`strided ${name}: ${(e as Error).message}\n`);
    return usage ? 2 : 1;
  }
}

if (require.main === module || require.main?.filename.endsWith("strided.js")) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== null) process.exitCode = code;
  });
}
