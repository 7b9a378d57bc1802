package io.opsstack.api.event;

import io.opsstack.api.internal.json.FormatVersion;
import io.opsstack.api.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Ready-made {@link ProgressListener}s. */
public final class ProgressListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressListeners.class);
    private static final Logger PROGRESS = LoggerFactory.getLogger("io.opsstack.progress");

    private ProgressListeners() {
    }

    /** Logs each event to the SLF4J logger {@code io.opsstack.progress}: failures and retries at WARN, the rest at INFO. */
    public static ProgressListener slf4j() {
        return new Slf4jListener();
    }

    /** Prints one readable line per event, e.g. {@code 2026-01-05T10:00:00Z drain-... exclude-n1: started}. */
    public static ProgressListener printStream(PrintStream out) {
        return new LineListener(Objects.requireNonNull(out, "out"), false);
    }

    /**
     * Writes one JSON object per line (the event's {@code toMap()} plus {@code format_version}),
     * for machines reading a stream, like {@code terraform -json}.
     */
    public static ProgressListener jsonLines(Appendable out) {
        return new LineListener(Objects.requireNonNull(out, "out"), true);
    }

    /** Keeps every event; read them with {@link CollectingListener#events()}. */
    public static CollectingListener collecting() {
        return new CollectingListener();
    }

    /** Delivers each event to every listener in order; one listener failing does not stop the others. */
    public static ProgressListener composite(ProgressListener... listeners) {
        return new CompositeListener(List.of(listeners));
    }

    /** Ignores every event. */
    public static ProgressListener none() {
        return new CompositeListener(List.of());
    }

    /** A readable one-line form of an event. */
    public static String line(StepEvent event) {
        return event.timestamp().truncatedTo(ChronoUnit.MILLIS) + " " + event.operationId()
                + (event.stepId() == null ? "" : " " + event.stepId()) + ": " + event.describe();
    }

    private static final class Slf4jListener implements ProgressListener {
        @Override
        public void onEvent(StepEvent event) {
            if (event instanceof StepFailed || event instanceof StepRetrying) {
                PROGRESS.warn("{}", line(event));
            } else {
                PROGRESS.info("{}", line(event));
            }
        }
    }

    private static final class LineListener implements ProgressListener {
        private final Appendable out;
        private final boolean json;

        LineListener(Appendable out, boolean json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void onEvent(StepEvent event) {
            String text;
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(FormatVersion.KEY, FormatVersion.CURRENT);
                map.putAll(event.toMap());
                text = Json.compact(map);
            } else {
                text = line(event);
            }
            synchronized (out) {
                try {
                    out.append(text).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write progress event", e);
                }
                if (out instanceof PrintStream stream) {
                    stream.flush();
                }
            }
        }
    }

    private static final class CompositeListener implements ProgressListener {
        private final List<ProgressListener> listeners;

        CompositeListener(List<ProgressListener> listeners) {
            this.listeners = listeners;
        }

        @Override
        public void onEvent(StepEvent event) {
            for (ProgressListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("progress listener {} failed on {}; ignored", listener, event.type(), e);
                }
            }
        }
    }
}
