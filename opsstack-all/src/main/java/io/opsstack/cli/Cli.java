package io.opsstack.cli;

import io.opsstack.api.error.OpsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Dispatches a command line to its command and turns every outcome into an {@link ExitCode}. */
final class Cli {
    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String... argv) {
        if (argv.length == 0) {
            err.print(help());
            return ExitCode.USAGE.code();
        }
        String command = argv[0];
        CliArgs args = new CliArgs(Arrays.asList(argv).subList(1, argv.length));
        try {
            ExitCode code = switch (command) {
                case "plan" -> new PlanCommand(args, env, err).run();
                case "apply" -> new ApplyCommand(args, env, in, out, err).apply();
                case "resume" -> new ApplyCommand(args, env, in, out, err).resume();
                case "status" -> new StatusCommand(args, env, out).run();
                case "version", "--version" -> print(version() + "\n");
                case "help", "--help", "-h" -> print(args.positionals().isEmpty() ? help()
                        : OperationCatalog.operation(args.positionals().get(0)).help());
                case "jsh" -> print(jshellStartup());
                default -> throw new UsageException("unknown command '" + command + "' (see `help`)");
            };
            return code.code();
        } catch (RuntimeException e) {
            ExitCode code = ExitCode.of(e);
            err.println("error: " + message(e) + " (exit " + code.code() + ")");
            if (code == ExitCode.USAGE && e instanceof UsageException) {
                err.println("run `help` for the commands and flags");
            }
            return code.code();
        }
    }

    private ExitCode print(String text) {
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }

    /** The message of the exception, or of its first cause that has one; opsstack messages are already redacted. */
    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t instanceof OpsException || t instanceof UsageException
                        ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getName();
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return "opsstack " + (version == null ? "(development build)" : version)
                + " on Java " + System.getProperty("java.version");
    }

    private static String jshellStartup() {
        try (InputStream script = Cli.class.getResourceAsStream("opsstack.jsh")) {
            if (script == null) {
                throw new UsageException("this build carries no opsstack.jsh");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder();
        text.append("usage: java -jar opsstack-all.jar <command> [flags]\n\n")
                .append("commands:\n")
                .append("  plan <operation> [flags] --out plan.json   read the system, print the plan (stderr), save it (JSON)\n")
                .append("  apply --plan plan.json [--yes] [--json-events] [--dry-run]\n")
                .append("                                             apply a saved plan; refuses a stale plan\n")
                .append("  status [--operation-id ID] [--json]        what the journal knows about operations\n")
                .append("  resume <operation-id> [--json-events]      re-apply the plan saved by an interrupted apply\n")
                .append("  help <operation>                           the operation's flags\n")
                .append("  version | help | jsh                       jsh prints the JShell startup script\n\n")
                .append("operations (`help <operation>` lists the flags of one):\n");
        OperationCatalog.operations().forEach(operation -> text.append(String.format("  %-32s %s%n", operation.name(),
                operation.summary())));
        text.append("\nsettings (flag, environment variable, or key in --config FILE / OPSSTACK_CONFIG):\n")
                .append("  --opensearch-url URL[,URL]   OPSSTACK_OPENSEARCH_URL        opensearch.url\n")
                .append("  --opensearch-user USER       OPSSTACK_OPENSEARCH_USER       opensearch.user\n")
                .append("  (environment/file only)      OPSSTACK_OPENSEARCH_PASSWORD   opensearch.password\n")
                .append("  --opensearch-ca-cert PEM     OPSSTACK_OPENSEARCH_CA_CERT    opensearch.ca_cert\n")
                .append("  --patroni-url URL[,URL]      OPSSTACK_PATRONI_URL           patroni.url  (and .user, .password, .ca_cert)\n")
                .append("  --victoria-definition FILE   OPSSTACK_VICTORIA_DEFINITION   victoria.definition  (cluster definition, JSON/YAML)\n")
                .append("  --ssh-identity-files F[,F]   OPSSTACK_SSH_IDENTITY_FILES    ssh.identity_files  (default: keys in ~/.ssh)\n")
                .append("  --ssh-known-hosts-file F     OPSSTACK_SSH_KNOWN_HOSTS_FILE  ssh.known_hosts_file\n")
                .append("  --ssh-host-key-policy P      OPSSTACK_SSH_HOST_KEY_POLICY   ssh.host_key_policy  (STRICT, ACCEPT_NEW)\n")
                .append("  (environment/file only)      OPSSTACK_SSH_PASSPHRASE        ssh.passphrase  (and ssh.password)\n")
                .append("  --home DIR                   OPSSTACK_HOME                  home  (default ~/.opsstack)\n")
                .append("  --journal-dir DIR            OPSSTACK_JOURNAL_DIR           journal.dir  (default <home>/journal)\n")
                .append("  --lease-dir DIR              OPSSTACK_LEASE_DIR             lease.dir  (default <home>/leases)\n\n")
                .append("exit codes: 0 ok, 1 operation failed, 2 bad usage or input, 3 unsafe (a guard refused),\n")
                .append("            4 stale plan, 5 lease held, 6 connection or authentication error\n");
        return text.toString();
    }
}
