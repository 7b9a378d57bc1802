package io.opsstack.api.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secret material from text that may reach logs, exceptions, plans or events: values of
 * password/token/secret/key-like fields (JSON, form, header and URL user-info forms), bearer and
 * basic credentials, and PEM private-key blocks. Output is also bounded in length.
 */
public final class Redaction {
    /** Default bound of body excerpts carried by exceptions. */
    public static final int DEFAULT_EXCERPT_CHARS = 2048;
    public static final String MASK = "****";

    private static final String SECRET_KEY =
            "(?:password|passwd|passphrase|pass|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|authorization|cookie|session)";
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"[\\w.-]*" + SECRET_KEY + "[\\w.-]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(\\b[\\w.-]*" + SECRET_KEY + "[\\w.-]*\\s*[=:]\\s*)([^\\s,;&\"']+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "\\b(Bearer|Basic|ApiKey)\\s+[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_USER_INFO = Pattern.compile("(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^/\\s@]+@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);

    private Redaction() {
    }

    /** Redacts secrets in {@code text}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = PEM_PRIVATE_KEY.matcher(text).replaceAll("-----REDACTED PRIVATE KEY-----");
        out = URL_USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
        out = AUTH_SCHEME.matcher(out).replaceAll("$1 " + MASK);
        out = replaceValue(JSON_FIELD, out, "\"" + MASK + "\"");
        out = replaceValue(KEY_VALUE, out, MASK);
        return out;
    }

    /** Redacts, then bounds {@code text} to {@code maxChars}, marking the cut; null becomes "". */
    public static String excerpt(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String redacted = redact(text);
        if (redacted.length() <= maxChars) {
            return redacted;
        }
        int omitted = redacted.length() - maxChars;
        return redacted.substring(0, maxChars) + "…(" + omitted + " more chars)";
    }

    private static String replaceValue(Pattern pattern, String text, String mask) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + mask));
        }
        m.appendTail(out);
        return out.toString();
    }
}
