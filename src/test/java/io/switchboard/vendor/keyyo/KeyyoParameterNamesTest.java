package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.formPost;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyyoParameterNamesTest {

    private static final Source.KeyyoOptions FRENCH_NAMES = new Source.KeyyoOptions("ligne", "appelant", "appele",
            "evt", "ref", "v", "dialogue", "remplace", "session", "acd", "renvoi", "horodatage");

    private final KeyyoDialect dialect = new KeyyoDialect();

    @Test
    void everyKeywordIsReadFromTheParameterTheSourceNames() {
        Source source = KeyyoTestSupport.source(List.of(), FRENCH_NAMES);
        String query = "ligne=33172587948&appelant=33612345678&appele=33172587948&evt=CONNECT&ref=C1&v=1"
                + "&dialogue=D1&remplace=D0&session=S1&acd=1&renvoi=33975123456&horodatage=1736849710456";

        CallEvent e = dialect.translate(get(query), source).get(0);

        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.vendorCallId()).isEqualTo("S1");
        assertThat(e.legId()).isEqualTo("D1");
        assertThat(e.linkedIds()).containsExactly("D0", "C1");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:10.456Z"));
        assertThat(e.attributes()).containsEntry("version", "1").containsEntry("isAcd", "1")
                .containsEntry("redirectingNumber", "+33975123456").containsEntry("drefReplace", "D0");
    }

    @Test
    void errorMessagesNameTheConfiguredParameter() {
        Source source = KeyyoTestSupport.source(List.of(), FRENCH_NAMES);

        assertThatThrownBy(() -> dialect.translate(get("account=33172587948&evt=SETUP"), source))
                .isInstanceOfSatisfying(RejectedRequestException.class,
                        e -> assertThat(e.getMessage()).contains("'ligne'"));
        assertThatThrownBy(() -> dialect.translate(get("ligne=33172587948&evt=RING"), source))
                .isInstanceOfSatisfying(RejectedRequestException.class,
                        e -> assertThat(e.getMessage()).contains("'evt'").contains("'RING'"));
    }

    @Test
    void aSourceWithoutKeyyoOptionsUsesTheDefaultNames() {
        Source bare = new Source("keyyo-bare", "keyyo", "t", "FR", null, null, null, null, null);

        CallEvent e = dialect.translate(get("account=33172587948&caller=33172587948&callee=33145678901&type=SETUP"
                + "&callref=C1"), bare).get(0);

        assertThat(e.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(e.vendorCallId()).isEqualTo("C1");
        assertThat(e.source()).isEqualTo("keyyo-bare");
    }

    @Test
    void parameterNamesInAnotherCaseAreStillRead() {
        CallEvent e = dialect.translate(get("ACCOUNT=33172587948&CALLER=33612345678&CALLEE=33172587948&TYPE=SETUP"
                + "&CALLREF=C1"), KeyyoTestSupport.source()).get(0);

        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.vendorCallId()).isEqualTo("C1");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void unreplacedKeywordsCountAsAbsent() {
        CallEvent e = dialect.translate(get("account=33172587948&caller=33612345678&callee=33172587948&type=SETUP"
                + "&callref=C1&dref=_DREF_&drefreplace=_DREF_REPLACE_&sessionid=_SESSION_ID_&tsms=_TSMS_"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.vendorCallId()).isEqualTo("C1");
        assertThat(e.legId()).isNull();
        assertThat(e.linkedIds()).isEmpty();
        assertThat(e.eventKey()).isNull();
        assertThat(e.attributes()).containsOnlyKeys("callref");
    }

    @Test
    void aFormPostIsReadLikeAGetAndItsFieldsWin() {
        CallEvent e = dialect.translate(formPost("type=SETUP",
                "account=33172587948&caller=33172587948&callee=33145678901&type=RELEASE&callref=C7"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(e.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(e.vendorCallId()).isEqualTo("C7");
    }

    @Test
    void numbersAreReadAsInternationalWithoutPlusAndShortOnesStayExtensions() {
        CallEvent e = dialect.translate(get("account=33172587948&caller=201&callee=33172587948&type=SETUP"),
                KeyyoTestSupport.source()).get(0);

        assertThat(e.from().extension()).isTrue();
        assertThat(e.from().number()).isEqualTo("201");
        assertThat(e.to().number()).isEqualTo("+33172587948");
    }
}
