package io.switchboard.inbox;

/** The inbox could not store a request: the caller gets a 503 and retries (vendors do). */
public class InboxUnavailableException extends RuntimeException {

    public InboxUnavailableException(String message) {
        super(message, null, false, false);
    }
}
