package io.opsstack.api.error;

import java.util.Optional;

/**
 * Root of every exception opsstack throws. All are unchecked so that JShell lambdas and Groovy
 * scripts can call the SDK without ceremony.
 *
 * <p>Carries, where known, the target (cluster, node or endpoint), the operation and the step
 * that failed; {@link #getMessage()} appends them so a console line alone says where it happened.
 */
public class OpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String target;
    private final String operation;
    private final String stepId;

    public OpsException(String message) {
        this(message, null, null, null, null);
    }

    public OpsException(String message, Throwable cause) {
        this(message, cause, null, null, null);
    }

    public OpsException(String message, Throwable cause, String target, String operation, String stepId) {
        super(message, cause);
        this.target = target;
        this.operation = operation;
        this.stepId = stepId;
    }

    /** The message without the context suffix. */
    public String reason() {
        return super.getMessage();
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    public Optional<String> stepId() {
        return Optional.ofNullable(stepId);
    }

    @Override
    public String getMessage() {
        StringBuilder context = new StringBuilder();
        appendContext(context, "target", target);
        appendContext(context, "operation", operation);
        appendContext(context, "step", stepId);
        String reason = reason();
        return context.length() == 0 ? reason : reason + " [" + context + "]";
    }

    private static void appendContext(StringBuilder out, String key, String value) {
        if (value == null) {
            return;
        }
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(key).append('=').append(value);
    }
}
