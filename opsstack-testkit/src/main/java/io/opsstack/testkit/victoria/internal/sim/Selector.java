package io.opsstack.testkit.victoria.internal.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A series selector {@code name{label="v", other!="w", re=~"a.*", nre!~"b"}}, the only query form the
 * simulator evaluates besides numbers.
 */
final class Selector {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:.]*");

    private record Matcher(String label, String op, String value, Pattern regex) {
        boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(label, "");
            return switch (op) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "=~" -> regex.matcher(actual).matches();
                case "!~" -> !regex.matcher(actual).matches();
                default -> throw new IllegalStateException(op);
            };
        }
    }

    private final List<Matcher> matchers;

    private Selector(List<Matcher> matchers) {
        this.matchers = List.copyOf(matchers);
    }

    /** Parses a selector; throws {@link IllegalArgumentException} for anything else. */
    static Selector parse(String text) {
        String s = text.trim();
        List<Matcher> matchers = new ArrayList<>();
        int brace = s.indexOf('{');
        String name = brace < 0 ? s : s.substring(0, brace).trim();
        if (!name.isEmpty()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the simulator evaluates only series selectors and numbers, not: " + text);
            }
            matchers.add(new Matcher("__name__", "=", name, null));
        }
        if (brace >= 0) {
            if (!s.endsWith("}")) {
                throw new IllegalArgumentException("unterminated selector: " + text);
            }
            parseMatchers(s.substring(brace + 1, s.length() - 1), matchers, text);
        }
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("empty selector: " + text);
        }
        return new Selector(matchers);
    }

    boolean matches(Map<String, String> labels) {
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    private static void parseMatchers(String body, List<Matcher> out, String whole) {
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == ',')) {
                i++;
            }
            if (i >= body.length()) {
                return;
            }
            int start = i;
            while (i < body.length() && "=!~ ".indexOf(body.charAt(i)) < 0) {
                i++;
            }
            String label = body.substring(start, i).trim();
            while (i < body.length() && body.charAt(i) == ' ') {
                i++;
            }
            String op = body.startsWith("=~", i) ? "=~" : body.startsWith("!~", i) ? "!~" : body.startsWith("!=", i) ? "!="
                    : body.startsWith("=", i) ? "=" : null;
            if (op == null || label.isEmpty()) {
                throw new IllegalArgumentException("cannot parse selector " + whole);
            }
            i += op.length();
            while (i < body.length() && body.charAt(i) == ' ') {
                i++;
            }
            if (i >= body.length() || body.charAt(i) != '"') {
                throw new IllegalArgumentException("label values must be double-quoted in " + whole);
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < body.length() && body.charAt(i) != '"') {
                char c = body.charAt(i++);
                value.append(c == '\\' && i < body.length() ? body.charAt(i++) : c);
            }
            i++;
            String v = value.toString();
            out.add(new Matcher(label, op, v, op.contains("~") ? Pattern.compile(v) : null));
        }
    }
}
