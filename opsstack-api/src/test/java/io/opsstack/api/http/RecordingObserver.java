package io.opsstack.api.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects retry reports for assertions. */
final class RecordingObserver implements RetryObserver {
    record Retry(String endpoint, int attempt, Duration delay, String cause) {
    }

    final List<Retry> retries = new CopyOnWriteArrayList<>();

    @Override
    public void onRetry(String endpoint, int attempt, Duration delay, String cause) {
        retries.add(new Retry(endpoint, attempt, delay, cause));
    }
}
