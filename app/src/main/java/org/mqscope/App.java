package org.mqscope;

import org.mqscope.cli.Cli;
import org.mqscope.ui.core.AppInfo;
import org.mqscope.ui.app.Gui;
import org.mqscope.ui.app.LaunchOptions;
import org.mqscope.ui.app.Screenshot;
import org.mqscope.ui.app.UsageException;

import java.awt.GraphicsEnvironment;

/**
 * Entry point: a command ({@code mqscope ls ...}) runs the command line, which loads no window class; anything
 * else is the window's options: print help or the version, recover, or start the window.
 */
public final class App {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private App() {
    }

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        } else {
            Window.main(args);
        }
    }

    /**
     * The window's side, in a class of its own: the JVM loads it (and, verifying it, the ui classes it names) only
     * when no command was given, so a command starts without them.
     */
    private static final class Window {
        private Window() {
        }

        static void main(String[] args) {
            LaunchOptions options;
            try {
                options = LaunchOptions.parse(args);
            } catch (UsageException e) {
                System.err.println(AppInfo.NAME + ": " + e.getMessage());
                System.err.println();
                System.err.print(LaunchOptions.usage());
                System.exit(EXIT_USAGE);
                return;
            }
            switch (options.mode()) {
                case HELP -> {
                    System.out.print(LaunchOptions.usage());
                    System.out.println();
                    System.out.println("Commands (mqscope COMMAND --help for each; see man mqscope):");
                    System.out.println("  " + Cli.commandNames());
                }
                case VERSION -> System.out.println(AppInfo.versionLine());
                case RECOVER -> System.exit(RecoverCommand.run(options.includeInDoubt(), System.out, System.err));
                case RUN -> {
                    if (options.screenshot().isPresent()) {
                        checkScreenshotTarget(options.screenshot().get());
                    }
                    if (GraphicsEnvironment.isHeadless()) {
                        System.err.println(AppInfo.NAME + ": no display to open a window on"
                                + " (DISPLAY is not set, or Java runs headless); try xvfb-run for screenshots");
                        System.exit(EXIT_FAILURE);
                    }
                    Gui.start(options);
                }
            }
        }

        /** A screenshot that cannot be written fails before any window opens, with the reason and no stack trace. */
        private static void checkScreenshotTarget(java.nio.file.Path file) {
            try {
                Screenshot.checkWritable(file);
            } catch (java.io.IOException e) {
                System.err.println(AppInfo.NAME + ": --screenshot " + file + ": cannot write it: " + e.getMessage());
                System.exit(EXIT_FAILURE);
            }
        }
    }
}
