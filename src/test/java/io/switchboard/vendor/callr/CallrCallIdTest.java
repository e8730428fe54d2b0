package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CallrCallIdTest {

    private static final String ABOVE_2_63 = "18446744073709551557";

    @Test
    void callIdAboveTwoToTheSixtyThreeStaysItsDecimalString() {
        CallEvent start = translate("big-callid/01-inbound-start.json");
        CallEvent hangup = translate("big-callid/02-inbound-hangup.json");

        assertThat(new BigInteger(ABOVE_2_63)).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(start.vendorCallId()).isEqualTo(ABOVE_2_63);
        assertThat(hangup.vendorCallId()).isEqualTo(ABOVE_2_63);
    }

    @Test
    void callIdSentAsAString() {
        ObjectNode tree = tree("big-callid/01-inbound-start.json");
        ((ObjectNode) tree.get("data")).put("callid", ABOVE_2_63);

        assertThat(translate(tree).vendorCallId()).isEqualTo(ABOVE_2_63);
    }

    @Test
    void negativeLongIsTheSignedFormOfAnUnsignedId() {
        ObjectNode tree = tree("big-callid/01-inbound-start.json");
        ((ObjectNode) tree.get("data")).put("callid", Long.parseUnsignedLong(ABOVE_2_63));

        assertThat(translate(tree).vendorCallId()).isEqualTo(ABOVE_2_63);
    }

    @Test
    void bigCallIdInOnAForwardedLeg() {
        ObjectNode tree = tree("inbound-forwarded/02-outbound-start.json");
        ((ObjectNode) tree.get("data")).put("callid_in", new BigInteger(ABOVE_2_63));

        CallEvent leg = translate(tree);

        assertThat(leg.vendorCallId()).isEqualTo(ABOVE_2_63);
        assertThat(leg.linkedIds()).containsExactly(ABOVE_2_63);
        assertThat(leg.legId()).isEqualTo("7004318123456791007");
    }

    @Test
    void largestUnsignedValue() {
        ObjectNode tree = tree("big-callid/01-inbound-start.json");
        ((ObjectNode) tree.get("data")).put("callid", new BigInteger("18446744073709551615"));

        assertThat(translate(tree).vendorCallId()).isEqualTo("18446744073709551615");
    }
}
