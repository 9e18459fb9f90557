package org.recblend.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false), args);
    }

    /** Runs on a prepared command line (tests add commands to it); its writers are replaced. */
    static CliRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The lines of stderr. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
