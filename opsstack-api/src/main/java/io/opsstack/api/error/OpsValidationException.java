package io.opsstack.api.error;

/** Bad input (unknown node, malformed value, out-of-range number), detected before any change. */
public class OpsValidationException extends OpsException {
    private static final long serialVersionUID = 1L;

    public OpsValidationException(String message) {
        super(message);
    }

    public OpsValidationException(String message, String target) {
        super(message, null, target, null, null);
    }
}
