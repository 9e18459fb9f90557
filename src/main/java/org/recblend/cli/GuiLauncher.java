package org.recblend.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;

/**
 * Opens the workbench window. JavaFX is reached by reflection, so the command line neither
 * imports nor needs it: a headless machine still runs every command.
 */
public final class GuiLauncher {
    /** The JavaFX application class of the workbench. */
    public static final String WORKBENCH_APP = "org.recblend.ui.shell.WorkbenchApp";
    private static final String FX_APPLICATION = "javafx.application.Application";

    private GuiLauncher() {
    }

    /** Opens the workbench and returns when its window is closed; the exit code says whether it could start. */
    public static int launchWorkbench(String... args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        return launch(WORKBENCH_APP, args, err);
    }

    /** Launches a JavaFX application class by name; errors go to err as one sentence. */
    static int launch(String appClassName, String[] args, PrintWriter err) {
        try {
            Class<?> fxApplication = Class.forName(FX_APPLICATION);
            Class<?> app = Class.forName(appClassName);
            if (!fxApplication.isAssignableFrom(app)) {
                throw new IllegalStateException(appClassName + " is not a JavaFX application");
            }
            fxApplication.getMethod("launch", Class.class, String[].class).invoke(null, app, args);
            return ExitCodes.OK;
        } catch (ClassNotFoundException e) {
            err.println("Error: The workbench window is not part of this build (" + e.getMessage()
                    + " is missing). Use the command line: recblend --help");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("Error: Cannot open the workbench window: " + ErrorReporter.describe(rootOf(cause))
                    + " Use the command line instead: recblend --help");
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("Error: Cannot open the workbench window: " + ErrorReporter.describe(e));
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
