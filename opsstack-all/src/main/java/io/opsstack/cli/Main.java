package io.opsstack.cli;

/**
 * {@code java -jar opsstack-all.jar <command> ...}: plan an operation into a file, review it, apply
 * it, follow or resume it. Run {@code help} for the commands; docs/cli.md describes flags, settings
 * and exit codes.
 */
public final class Main {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    public static void main(String[] args) {
        // The library logs at INFO; a shell user sees warnings only unless asked (-Dorg.slf4j.simpleLogger.defaultLogLevel=info).
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        int code = new Cli(System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(code);
    }
}
