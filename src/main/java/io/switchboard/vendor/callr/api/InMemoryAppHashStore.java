package io.switchboard.vendor.callr.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AppHashStore} that forgets on restart (each start then creates a new app). */
public final class InMemoryAppHashStore implements AppHashStore {

    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(hashes.get(name));
    }

    @Override
    public void put(String name, String hash) {
        hashes.put(name, hash);
    }
}
