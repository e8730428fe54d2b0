package io.switchboard.crm;

import io.switchboard.crm.ContactMatch.Status;
import io.switchboard.crm.MatchingPolicy.Ambiguity;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link MatchingPolicy} to one call: exclusions, number variants, object priority, the
 * ambiguity choice, and create-once for unknown callers.
 *
 * <p>Create-once: contacts the hub created are remembered in the journal ({@link CrmRecords}) and
 * consulted before the CRM is searched, because a CRM's search index lags seconds behind creation;
 * creation is serialized per (connector, number) inside this hub instance (striped locks: a fixed
 * set of {@value #LOCK_STRIPES} locks, whatever the number of callers), so two calls from the same
 * new number ending together create one contact. Several hub instances delivering the same
 * subscription do not share these locks; the journal's memory still stops a later call, but two
 * instances creating at the same moment could each create one.
 */
public final class ContactMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ContactMatcher.class);
    /** Lock stripes of create-once: a fixed number, however many numbers call (see {@link #lockFor}). */
    static final int LOCK_STRIPES = 256;

    private static final Object[] LOCKS = new Object[LOCK_STRIPES];

    static {
        for (int i = 0; i < LOCK_STRIPES; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final String connectorId;
    private final MatchingPolicy policy;
    private final CrmRecords records;

    public ContactMatcher(String connectorId, MatchingPolicy policy, CrmRecords records) {
        this.connectorId = connectorId;
        this.policy = policy;
        this.records = records;
    }

    public MatchingPolicy policy() {
        return policy;
    }

    /**
     * Finds the records to link {@code call} to.
     *
     * @param mayCreate false in dry-run mode and for calls still ringing: nothing is created
     */
    public ContactMatch match(CallFacts call, ContactDirectory directory, boolean mayCreate) {
        String number = call.customerNumber();
        if (!NumberVariants.isE164(number)) {
            return ContactMatch.of(Status.NO_NUMBER);
        }
        if (number.equals(call.call().line()) || policy.excludedNumbers().contains(number)) {
            return ContactMatch.of(Status.EXCLUDED);
        }
        Optional<CrmContact> created = remembered(number);
        if (created.isPresent()) {
            return new ContactMatch(Status.CREATED, List.of(created.get()), List.of(created.get()));
        }
        ContactMatch found = search(number, directory);
        if (found.status() != Status.NONE || !policy.createContact() || !mayCreate) {
            return found;
        }
        return createOnce(number, call, directory);
    }

    private ContactMatch search(String number, ContactDirectory directory) {
        List<String> exact = NumberVariants.exact(number, policy.variants());
        Optional<String> suffix = NumberVariants.lastDigits(number, policy.variants(), policy.lastDigits());
        for (String objectType : policy.objectPriority()) {
            List<CrmContact> matches = directory.find(objectType, exact, suffix);
            if (matches.size() == 1) {
                return new ContactMatch(Status.UNIQUE, matches, matches);
            }
            if (matches.size() > 1) {
                return ambiguous(matches);
            }
        }
        return ContactMatch.of(Status.NONE);
    }

    private ContactMatch ambiguous(List<CrmContact> matches) {
        Ambiguity choice = policy.ambiguity();
        return switch (choice) {
            case FIRST -> new ContactMatch(Status.AMBIGUOUS_LINKED, List.of(matches.get(0)), matches);
            case ALL -> new ContactMatch(Status.AMBIGUOUS_LINKED, matches, matches);
            case SKIP -> new ContactMatch(Status.AMBIGUOUS_SKIPPED, List.of(), matches);
            case FLAG -> new ContactMatch(Status.FLAGGED, List.of(), matches);
        };
    }

    private ContactMatch createOnce(String number, CallFacts call, ContactDirectory directory) {
        String objectType = policy.objectPriority().stream()
                .filter(directory::canCreate)
                .findFirst()
                .orElse(null);
        if (objectType == null) {
            return ContactMatch.of(Status.NONE);
        }
        synchronized (lockFor(connectorId, number)) {
            Optional<CrmContact> created = remembered(number);
            if (created.isEmpty()) {
                CrmContact contact = directory.create(objectType, number, call);
                records.rememberCreatedContact(connectorId, number, contact);
                LOG.info("CRM connector '{}' created {} {} for an unknown number", connectorId, objectType, contact.id());
                created = Optional.of(contact);
            }
            return new ContactMatch(Status.CREATED, List.of(created.get()), List.of(created.get()));
        }
    }

    /**
     * The lock serializing contact creation for (connector, number). Striped: the same pair always
     * gets the same lock, two pairs may share one (they then wait for each other, which is harmless:
     * a creation takes one CRM request). Memory stays fixed, unlike one lock per number ever seen.
     */
    static Object lockFor(String connectorId, String number) {
        int hash = (connectorId + '|' + number).hashCode();
        return LOCKS[Math.floorMod(hash ^ (hash >>> 16), LOCK_STRIPES)];
    }

    private Optional<CrmContact> remembered(String number) {
        return records.createdContact(connectorId, number, policy.createdContactMemory());
    }
}
