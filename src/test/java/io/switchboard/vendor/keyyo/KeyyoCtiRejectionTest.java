package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.ctiPost;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.RejectedRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class KeyyoCtiRejectionTest {

    private final KeyyoCtiDialect dialect = new KeyyoCtiDialect();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                   | {"callref":                          | malformed_json      | not valid JSON
            an array                                                   | [{"callref":"C1","state":"SETUP"}]   | malformed_json      | one JSON object
            a string                                                   | "SETUP"                              | malformed_json      | one JSON object
            no callref                                                 | {"state":"SETUP"}                    | missing_field       | 'callref'
            blank callref                                              | {"callref":" ","state":"SETUP"}      | missing_field       | 'callref'
            no state                                                   | {"callref":"C1"}                     | missing_field       | 'state'
            unknown state                                              | {"callref":"C1","state":"PARKED"}    | unknown_event_type  | 'PARKED'
            other notify                                               | {"notify":"message","call":{}}       | unsupported_notify  | 'message'
            notify without call                                        | {"notify":"call"}                    | missing_field       | 'call'
            call not an object                                         | {"notify":"call","call":"C1"}        | missing_field       | 'call'
            object callref                                             | {"callref":{"id":1},"state":"SETUP"} | malformed_field     | 'callref'
            bad date                                                   | {"callref":"C1","state":"SETUP","setup_date":"today"} | malformed_field | 'setup_date'
            """)
    void badBodiesAre400NamingTheProblem(String what, String body, String code, String message) {
        assertThatThrownBy(() -> dialect.translate(ctiPost(null, body), source()))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEmptyBodyIs400(String body) {
        assertThatThrownBy(() -> dialect.translate(ctiPost(null, body), source()))
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("empty_body");
                });
    }
}
