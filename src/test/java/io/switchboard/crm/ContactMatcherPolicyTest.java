package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.crm.ContactMatch.Status;
import io.switchboard.crm.MatchingPolicy.Ambiguity;
import io.switchboard.crm.NumberVariants.Variant;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Number variants, object priority, ambiguity choices and exclusions. */
class ContactMatcherPolicyTest {

    private final CrmRecords records = CrmTestJournal.records();
    private final CallFacts inbound = CrmTestCalls.facts(CrmTestCalls.inboundAnswered("call-1"));

    private ContactMatcher matcher(Set<Variant> variants, Ambiguity ambiguity, Set<String> excluded) {
        return new ContactMatcher("test", new MatchingPolicy(variants, 8, List.of("contact", "lead", "account"), ambiguity,
                excluded, false, Duration.ofHours(1)), records);
    }

    private ContactMatcher matcher(Ambiguity ambiguity) {
        return matcher(EnumSet.of(Variant.E164, Variant.NATIONAL), ambiguity, Set.of());
    }

    @Test
    void aNumberTypedNationallyIsFoundThroughItsNationalVariant() {
        DirectoryDouble crm = new DirectoryDouble(List.of()).with("contact", "c-1", "06 12 34 56 78");

        ContactMatch match = matcher(Ambiguity.FLAG).match(inbound, crm, true);

        assertThat(match.status()).isEqualTo(Status.UNIQUE);
        assertThat(match.linked()).containsExactly(new CrmContact("contact", "c-1", null));
    }

    @Test
    void withE164OnlyTheNationalSpellingIsMissedButLastDigitsFindsIt() {
        DirectoryDouble crm = new DirectoryDouble(List.of()).with("contact", "c-1", "(0)6-12-34-56-78");

        assertThat(matcher(EnumSet.of(Variant.E164), Ambiguity.FLAG, Set.of()).match(inbound, crm, true).status())
                .isEqualTo(Status.NONE);
        assertThat(matcher(EnumSet.of(Variant.E164, Variant.LAST_DIGITS), Ambiguity.FLAG, Set.of())
                        .match(inbound, crm, true)
                        .linked())
                .extracting(CrmContact::id)
                .containsExactly("c-1");
    }

    @Test
    void theFirstObjectTypeWithAMatchWinsAndLaterOnesAreNotSearched() {
        DirectoryDouble crm = new DirectoryDouble(List.of())
                .with("lead", "l-1", "+33612345678")
                .with("account", "a-1", "+33612345678");

        ContactMatch match = matcher(Ambiguity.FLAG).match(inbound, crm, true);

        assertThat(match.linked()).extracting(CrmContact::id).containsExactly("l-1");
        assertThat(crm.searches).hasSize(2).allMatch(s -> !s.startsWith("account"));
    }

    @Test
    void ambiguousMatchesFollowTheConfiguredChoice() {
        DirectoryDouble crm = new DirectoryDouble(List.of())
                .with("contact", "c-1", "+33612345678")
                .with("contact", "c-2", "0612345678");

        ContactMatch first = matcher(Ambiguity.FIRST).match(inbound, crm, true);
        ContactMatch all = matcher(Ambiguity.ALL).match(inbound, crm, true);
        ContactMatch skip = matcher(Ambiguity.SKIP).match(inbound, crm, true);
        ContactMatch flag = matcher(Ambiguity.FLAG).match(inbound, crm, true);

        assertThat(first.linked()).extracting(CrmContact::id).containsExactly("c-1");
        assertThat(all.linked()).extracting(CrmContact::id).containsExactly("c-1", "c-2");
        assertThat(skip.status()).isEqualTo(Status.AMBIGUOUS_SKIPPED);
        assertThat(skip.linked()).isEmpty();
        assertThat(flag.status()).isEqualTo(Status.FLAGGED);
        assertThat(flag.linked()).isEmpty();
        assertThat(flag.note()).contains("flagged for review", "contact c-1", "contact c-2");
    }

    @Test
    void theSubscribersOwnAndSwitchboardNumbersAreNeverLookedUp() {
        DirectoryDouble crm = new DirectoryDouble(List.of("contact")).with("contact", "c-1", "+33612345678");
        ContactMatcher excluding = matcher(EnumSet.of(Variant.E164), Ambiguity.FLAG, Set.of("+33612345678"));

        assertThat(excluding.match(inbound, crm, true).status()).isEqualTo(Status.EXCLUDED);
        CallFacts toOwnLine = CrmTestCalls.facts(new io.switchboard.call.Call("c", "keyyo", "s", null, "+33612345678",
                io.switchboard.call.Direction.INBOUND, "+33612345678", "+33612345678", io.switchboard.call.CallState.ENDED,
                io.switchboard.call.Outcome.ANSWERED, CrmTestCalls.START, null, null, null, null, null, null, null, null));
        assertThat(matcher(Ambiguity.FLAG).match(toOwnLine, crm, true).status()).isEqualTo(Status.EXCLUDED);
        assertThat(crm.searches).isEmpty();
    }

    @Test
    void internalCallsHaveNoNumberToLookUp() {
        DirectoryDouble crm = new DirectoryDouble(List.of("contact"));

        assertThat(matcher(Ambiguity.FLAG).match(CrmTestCalls.facts(CrmTestCalls.internal("i")), crm, true).status())
                .isEqualTo(Status.NO_NUMBER);
        assertThat(crm.searches).isEmpty();
    }
}
