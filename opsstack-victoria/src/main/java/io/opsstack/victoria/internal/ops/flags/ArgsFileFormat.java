package io.opsstack.victoria.internal.ops.flags;

/** One {@code -name=value} (or {@code --name=value}) per line; the value may be double-quoted. */
public final class ArgsFileFormat extends FlagFileFormat {

    @Override
    public String name() {
        return "args file";
    }

    @Override
    protected String flagName(String line) {
        if (!line.startsWith("-")) {
            return null;
        }
        String body = line.startsWith("--") ? line.substring(2) : line.substring(1);
        int equals = body.indexOf('=');
        return equals < 1 ? null : body.substring(0, equals);
    }

    @Override
    protected String flagValue(String line) {
        return unquote(line.substring(line.indexOf('=') + 1));
    }

    @Override
    protected String line(String name, String value) {
        return "-" + name + "=" + value;
    }
}
