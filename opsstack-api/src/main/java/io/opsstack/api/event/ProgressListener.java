package io.opsstack.api.event;

/**
 * Receives the events of an apply, in sequence order, one at a time (never concurrently for one
 * apply). An exception thrown here is logged and otherwise ignored: listeners never change the
 * outcome of an apply. Keep it quick; it runs on the applying thread.
 */
public interface ProgressListener {

    void onEvent(StepEvent event);
}
