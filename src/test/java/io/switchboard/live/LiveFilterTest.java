package io.switchboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.RejectedRequestException;
import org.junit.jupiter.api.Test;

class LiveFilterTest {

    private static String codeOf(String query) {
        try {
            LiveFilter.parse(query, "FR");
        } catch (RejectedRequestException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.code();
        }
        throw new AssertionError("accepted: " + query);
    }

    @Test
    void linesAreComparedCanonicallyAndUnicodeSpaceIsNoEntry() {
        LiveFilter filter = LiveFilter.parse("lines=%2B33%201%2023%2045%2067%2089,%E2%80%83,101", "FR");

        assertThat(filter.lines()).contains("+33123456789", "101").noneMatch(String::isBlank);
        LiveFilter blank = LiveFilter.parse("lines=%E2%80%83,%C2%A0&agents=%C2%A0,%E2%80%AF", "FR");
        assertThat(blank.lines()).isEmpty();
        assertThat(blank.agents()).isEmpty();
        assertThat(LiveFilter.parse("agents=%C2%A0ana%40example.com%C2%A0", "FR").agents()).containsExactly("ana@example.com");
    }

    @Test
    void aRepeatedParameterAControlCharacterOrADateOutOfRangeIsA400() {
        assertThat(codeOf("lines=101&lines=102")).isEqualTo("repeated_parameter");
        assertThat(codeOf("lines=101&lines=101")).isEqualTo("repeated_parameter");
        assertThat(codeOf("lines=10%001")).isEqualTo("invalid_parameter");
        assertThat(codeOf("agents=a%0Ab")).isEqualTo("invalid_parameter");
        assertThat(codeOf("lines=%zz")).isEqualTo("malformed_query");
        assertThat(codeOf("since=%2B300000-01-01T00:00:00Z")).isEqualTo("invalid_since");
        assertThat(codeOf("since=-0001-01-01T00:00:00Z")).isEqualTo("invalid_since");
        assertThat(LiveFilter.parse("since=9999-12-31T23:59:59Z", "FR").replaySince()).isNotNull();
    }

    @Test
    void anUnknownParameterIsStillNamed() {
        assertThatThrownBy(() -> LiveFilter.parse("colour=red", "FR"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_parameter");
                    assertThat(e.getMessage()).contains("colour");
                });
    }
}
