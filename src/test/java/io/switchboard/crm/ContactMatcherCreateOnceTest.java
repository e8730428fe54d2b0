package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.ContactMatch.Status;
import io.switchboard.crm.MatchingPolicy.Ambiguity;
import io.switchboard.crm.NumberVariants.Variant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Create-contact for unknown callers does not duplicate when two calls from the same new number end
 * within seconds, although the CRM's search index does not yet show the first contact.
 */
class ContactMatcherCreateOnceTest {

    private static MatchingPolicy creating(Duration memory) {
        return new MatchingPolicy(EnumSet.of(Variant.E164), 0, List.of("contact", "lead"), Ambiguity.FLAG, Set.of(), true,
                memory);
    }

    @Test
    void anUnknownCallerIsCreatedAsTheFirstCreatableObjectType() {
        DirectoryDouble crm = new DirectoryDouble(List.of("lead"));
        ContactMatcher matcher = new ContactMatcher("test", creating(Duration.ofHours(1)), CrmTestJournal.records());

        ContactMatch match = matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed("m1")), crm, true);

        assertThat(match.status()).isEqualTo(Status.CREATED);
        assertThat(match.linked()).singleElement().extracting(CrmContact::objectType).isEqualTo("lead");
    }

    @Test
    void twoCallsFromTheSameNewNumberEndingTogetherCreateOneContact() throws Exception {
        DirectoryDouble lagging = new DirectoryDouble(List.of("contact"));
        ContactMatcher matcher = new ContactMatcher("test", creating(Duration.ofHours(1)), CrmTestJournal.records());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ContactMatch>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String id = "same-number-" + i;
                calls.add(() -> matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed(id)), lagging, true));
            }
            List<String> linked = new ArrayList<>();
            for (Future<ContactMatch> f : pool.invokeAll(calls)) {
                linked.add(f.get().first().id());
            }
            assertThat(lagging.created).hasSize(1);
            assertThat(linked).containsOnly(lagging.created.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLocalRecordIsConsultedBeforeSearchingAndForgottenAfterItsMemory() {
        MutableClock clock = new MutableClock();
        CrmRecords records = CrmTestJournal.records(clock);
        DirectoryDouble lagging = new DirectoryDouble(List.of("contact"));
        ContactMatcher matcher = new ContactMatcher("test", creating(Duration.ofMinutes(10)), records);

        String created = matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed("a")), lagging, true).first().id();
        int searchesAfterCreate = lagging.searches.size();
        ContactMatch second = matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed("b")), lagging, true);

        assertThat(second.first().id()).isEqualTo(created);
        assertThat(lagging.searches).hasSize(searchesAfterCreate);

        clock.now = clock.now.plus(Duration.ofMinutes(11));
        lagging.created.clear(); // the CRM's index has caught up by now
        ContactMatch later = matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed("c")), lagging, true);
        assertThat(later.status()).isEqualTo(Status.UNIQUE);
        assertThat(later.first().id()).isEqualTo(created);
    }

    @Test
    void nothingIsCreatedWhenNotAllowed() {
        DirectoryDouble crm = new DirectoryDouble(List.of("contact"));
        ContactMatcher matcher = new ContactMatcher("test", creating(Duration.ofHours(1)), CrmTestJournal.records());

        assertThat(matcher.match(CrmTestCalls.facts(CrmTestCalls.inboundMissed("d")), crm, false).status())
                .isEqualTo(Status.NONE);
        assertThat(crm.created).isEmpty();
    }

    /** A clock moved by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
