package io.switchboard.journal;

import io.switchboard.call.Call;

/**
 * Told about every call the journal changed, once the change is committed, on the writing
 * thread: implementations must return quickly (hand the call to their own threads).
 */
public interface CallChangeListener {

    /** @param call the call as now stored, without its events */
    void callChanged(Call call);
}
