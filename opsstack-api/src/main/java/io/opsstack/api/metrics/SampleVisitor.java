package io.opsstack.api.metrics;

/**
 * Receives a page line by line, so a large page never has to be held in memory. Called on the
 * parsing thread, in page order. An exception thrown here stops the parse and propagates.
 */
public interface SampleVisitor {
    /** A sample, with its family as known at this point of the page. */
    void onSample(MetricDescriptor family, Sample sample);

    /** A {@code # HELP} or {@code # TYPE} line declared or completed a family. Default: ignored. */
    default void onMetadata(MetricDescriptor family) {
    }

    /** A line was skipped, or accepted in a known malformed form (lenient mode only). Default: ignored. */
    default void onWarning(ParseWarning warning) {
    }
}
