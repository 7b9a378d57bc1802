package io.opsstack.ssh;

import io.opsstack.api.error.OpsServiceException;
import io.opsstack.api.secret.Redaction;

/**
 * A remote command ended with an exit code its {@link Command} does not accept, or by a signal.
 * {@link #statusCode()} is the exit code (-1 for a signal); {@link #bodyExcerpt()} is a bounded,
 * redacted excerpt of stderr (or of stdout when stderr is empty).
 */
public class RemoteCommandException extends OpsServiceException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final String signal;
    private final CommandResult result;

    public RemoteCommandException(CommandResult result) {
        super(message(result), result.target().toString(), result.exitCode(), "ssh",
                result.exitSignal() == null ? "exit-code" : "signal", excerptSource(result));
        this.command = result.command();
        this.signal = result.exitSignal();
        this.result = result;
    }

    public int exitCode() {
        return statusCode();
    }

    /** The signal that ended the command, or null. */
    public String signal() {
        return signal;
    }

    /** The masked command line. */
    public String command() {
        return command;
    }

    /** The full (masked, bounded) result. */
    public CommandResult result() {
        return result;
    }

    private static String excerptSource(CommandResult result) {
        return result.stderr().isBlank() ? result.stdout() : result.stderr();
    }

    private static String message(CommandResult result) {
        String how = result.exitSignal() == null ? "exited with " + result.exitCode() : "was killed by signal " + result.exitSignal();
        String detail = firstLine(excerptSource(result));
        return "command `" + result.command() + "` on " + result.target() + " " + how + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return Redaction.excerpt(line, 200);
    }
}
