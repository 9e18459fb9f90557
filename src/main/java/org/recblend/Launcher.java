package org.recblend;

import java.util.Arrays;
import org.recblend.cli.Cli;
import org.recblend.cli.GuiLauncher;
import org.recblend.cli.RuntimeDefaults;

/**
 * The jar's entry point: with no argument it opens the workbench window, with arguments it runs
 * the command line ({@code recblend --help}) and exits with the command's exit code. A plain class
 * on purpose: a main class that extends JavaFX's Application fails on the class path of Java 17.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose") && System.getProperty("recblend.log.level") == null) {
            System.setProperty("recblend.log.level", "INFO");  // read by logback.xml when logging starts
        }
        RuntimeDefaults.apply(System.getenv());
        int code = args.length == 0 ? GuiLauncher.launchWorkbench() : Cli.run(args);
        System.exit(code);
    }
}
