package io.opsstack.patroni.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message in a Patroni answer body: plain text for its own answers and refusals, or the message of the
 * HTML page its Python HTTP server sends for 400/411/502 ({@code <p>Message: Bad Request.</p>}).
 */
public final class ServerText {
    private static final int MAX_CHARS = 300;
    private static final Pattern HTML_MESSAGE = Pattern.compile("<p>\\s*Message:\\s*(.*?)\\s*</p>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HTML_EXPLANATION = Pattern.compile("<p>\\s*Error code explanation:\\s*(.*?)\\s*</p>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private ServerText() {
    }

    /** The message, whitespace-collapsed and bounded; empty for an empty body. */
    public static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        if (looksLikeHtml(text)) {
            Matcher message = HTML_MESSAGE.matcher(text);
            Matcher explanation = HTML_EXPLANATION.matcher(text);
            if (message.find()) {
                text = message.group(1) + (explanation.find() ? " (" + explanation.group(1) + ")" : "");
            } else {
                text = TAG.matcher(text).replaceAll(" ");
            }
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…";
    }

    private static boolean looksLikeHtml(String text) {
        String start = text.length() > 64 ? text.substring(0, 64).toLowerCase(java.util.Locale.ROOT)
                : text.toLowerCase(java.util.Locale.ROOT);
        return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<head");
    }
}
