package io.switchboard.vendor.callr.api;

import java.util.Optional;

/**
 * Remembers the CALLR voice apps the hub created, by name, so that an app (e.g. the click-to-call
 * app) is created once per account and reused.
 */
public interface AppHashStore {

    Optional<String> get(String name);

    void put(String name, String hash);
}
