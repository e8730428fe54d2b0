package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.RECEIVED_AT;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.get;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyyoNotificationTypeTest {

    private final KeyyoDialect dialect = new KeyyoDialect();

    private CallEvent translate(String query) {
        return dialect.translate(get(query), source()).get(0);
    }

    @ParameterizedTest
    @CsvSource({"SETUP,RING,SETUP", "CONNECT,ANSWER,CONNECT", "RELEASE,HANGUP,RELEASE", "setup,RING,SETUP",
        "Release,HANGUP,RELEASE", "connect,ANSWER,CONNECT"})
    void typeMapsToKindCaseInsensitively(String type, EventKind kind, String vendorType) {
        CallEvent e = translate("account=33172587948&caller=33612345678&callee=33172587948&type=" + type);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.vendorEventType()).isEqualTo(vendorType);
        assertThat(e.vendor()).isEqualTo("keyyo");
        assertThat(e.source()).isEqualTo("keyyo-paris");
        assertThat(e.outcomeHint()).isNull();
    }

    @Test
    void anUnknownTypeIs400NamingTheValue() {
        assertThatThrownBy(() -> translate("account=33172587948&type=HOLD"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("unknown_event_type");
                    assertThat(e.getMessage()).contains("'HOLD'").contains("'type'").contains("SETUP, CONNECT or RELEASE");
                });
    }

    @Test
    void aMissingAccountIs400NamingTheParameter() {
        assertThatThrownBy(() -> translate("caller=33612345678&callee=33172587948&type=SETUP"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("missing_field");
                    assertThat(e.getMessage()).contains("'account'").contains("_ACCOUNT_");
                });
    }

    @Test
    void anEmptyOrUnreplacedAccountCountsAsMissing() {
        assertThatThrownBy(() -> translate("account=&type=SETUP"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
        assertThatThrownBy(() -> translate("account=_ACCOUNT_&type=SETUP"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    }

    @Test
    void aMissingTypeIs400NamingTheParameter() {
        assertThatThrownBy(() -> translate("account=33172587948&caller=33612345678"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("missing_field");
                    assertThat(e.getMessage()).contains("'type'").contains("_N_TYPE_");
                });
    }

    @Test
    void aMalformedTsmsIs400NamingTheParameter() {
        assertThatThrownBy(() -> translate("account=33172587948&type=SETUP&callref=C1&tsms=yesterday"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("malformed_field");
                    assertThat(e.getMessage()).contains("'tsms'").contains("yesterday");
                });
    }

    @Test
    void aMalformedUrlEscapeIs400() {
        assertThatThrownBy(() -> translate("account=%ZZ&type=SETUP"))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void tsmsGivesTheEventTimeElseTheReceptionTime() {
        assertThat(translate("account=33172587948&type=SETUP&tsms=1736849702123").occurredAt())
                .isEqualTo(Instant.parse("2025-01-14T10:15:02.123Z"));
        assertThat(translate("account=33172587948&type=SETUP").occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(translate("account=33172587948&type=SETUP&tsms=_TSMS_").occurredAt()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void aTsmsWrittenInSecondsIsStillRead() {
        assertThat(translate("account=33172587948&type=SETUP&tsms=1736849702").occurredAt())
                .isEqualTo(Instant.parse("2025-01-14T10:15:02Z"));
    }
}
