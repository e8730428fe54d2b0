package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdeskSignatureTest {

    /** Computed outside Java: sha1("a54a8b77-…" + "udesk-fixture-secret" + "1709630100"). */
    private static final String KNOWN = "5d50c72e316c57ebdf0669e82dd6a77293144afc";

    @Test
    void signsAppIdSecretAndTimestampWithSha1() {
        assertThat(UdeskSignature.sign(UdeskFixtures.APP_ID, UdeskFixtures.SECRET, "1709630100")).isEqualTo(KNOWN);
        assertThat(UdeskSigner.sign(UdeskFixtures.APP_ID, UdeskFixtures.SECRET, "1709630100")).isEqualTo(KNOWN);
    }

    @Test
    void matchesHexInAnyCaseAndIgnoresSurroundingSpace() {
        assertThat(UdeskSignature.matches(UdeskFixtures.APP_ID, UdeskFixtures.SECRET, "1709630100",
                " " + KNOWN.toUpperCase() + " ")).isTrue();
    }

    @Test
    void refusesTruncatedOrForeignSignatures() {
        assertThat(UdeskSignature.matches(UdeskFixtures.APP_ID, UdeskFixtures.SECRET, "1709630100",
                KNOWN.substring(0, 39))).isFalse();
        assertThat(UdeskSignature.matches(UdeskFixtures.APP_ID, UdeskFixtures.SECRET, "1709630101", KNOWN)).isFalse();
    }
}
