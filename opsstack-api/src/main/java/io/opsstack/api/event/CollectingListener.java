package io.opsstack.api.event;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it receives; thread-safe. Obtain one from {@link ProgressListeners#collecting()}. */
public final class CollectingListener implements ProgressListener {

    private final List<StepEvent> events = new ArrayList<>();

    CollectingListener() {
    }

    @Override
    public synchronized void onEvent(StepEvent event) {
        events.add(event);
    }

    /** A snapshot of the events received so far, oldest first. */
    public synchronized List<StepEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized String toString() {
        return "CollectingListener[" + events.size() + " events]";
    }
}
