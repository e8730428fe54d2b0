package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import org.junit.jupiter.api.Test;

class KeyyoForwardedAndVoicemailTest {

    @Test
    void aForwardedCallIsInboundEvenThoughNeitherPartyIsTheLine() {
        CallEvent e = notification("forwarded/01-setup.query");

        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.from().number()).isEqualTo("+33612345678");
        assertThat(e.to().number()).isEqualTo("+33975123456");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.attributes()).contains(entry("redirectingNumber", "+33975123456"));
    }

    @Test
    void neitherPartyTheLineAndNoRedirectionLeavesDirectionUnknown() {
        CallEvent e = new KeyyoDialect().translate(KeyyoTestSupport.get(
                "account=33172587948&caller=33612345678&callee=33145678901&type=SETUP&callref=C9"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.direction()).isNull();
        assertThat(e.vendorCallId()).isEqualTo("C9");
        assertThat(e.legId()).isNull();
    }

    @Test
    void aCallToItselfLeavesDirectionUnknown() {
        CallEvent e = new KeyyoDialect().translate(KeyyoTestSupport.get(
                "account=33172587948&caller=33172587948&callee=33172587948&type=SETUP"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.direction()).isNull();
    }

    @Test
    void aMissingCallerIsAnUnknownParty() {
        CallEvent e = new KeyyoDialect().translate(KeyyoTestSupport.get(
                "account=33172587948&caller=&callee=33172587948&type=SETUP"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.from()).isNull();
        assertThat(e.to().number()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void aVoicemailAnswerKeepsThe22DigitIdRawAndIsFlagged() {
        CallEvent e = notification("inbound-voicemail/02-connect.query");

        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.to()).isEqualTo(Party.number("3317258794800000000042", "3317258794800000000042"));
        assertThat(e.attributes()).contains(entry("voicemail", "true"));
        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.vendorCallId()).isEqualTo("KYV01CEMA1L00001");
        assertThat(notification("inbound-voicemail/01-setup.query").attributes()).doesNotContainKey("voicemail");
    }
}
