package io.switchboard.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory CRM directory for matcher tests: records by object type with their phone spellings,
 * and an optional search-index lag (records it created are not found by {@link #find}).
 */
final class DirectoryDouble implements ContactDirectory {

    record Entry(String objectType, String id, String phone) {}

    final List<Entry> entries = new CopyOnWriteArrayList<>();
    final List<String> searches = new CopyOnWriteArrayList<>();
    final List<String> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(900);
    private final List<String> creatable;

    DirectoryDouble(List<String> creatable) {
        this.creatable = creatable;
    }

    DirectoryDouble with(String objectType, String id, String phone) {
        entries.add(new Entry(objectType, id, phone));
        return this;
    }

    @Override
    public List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits) {
        searches.add(objectType + " " + exact + lastDigits.map(d -> " *" + d).orElse(""));
        List<CrmContact> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean match = exact.contains(e.phone())
                    || lastDigits.map(d -> e.phone().replaceAll("[^0-9]", "").endsWith(d)).orElse(false);
            if (e.objectType().equals(objectType) && match && !created.contains(e.id())) {
                out.add(new CrmContact(e.objectType(), e.id(), null));
            }
        }
        return out;
    }

    @Override
    public boolean canCreate(String objectType) {
        return creatable.contains(objectType);
    }

    @Override
    public CrmContact create(String objectType, String e164, CallFacts call) {
        String id = String.valueOf(ids.incrementAndGet());
        created.add(id);
        entries.add(new Entry(objectType, id, e164));
        return new CrmContact(objectType, id, null);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
