package io.switchboard.vendor.telphin;

import static io.switchboard.vendor.telphin.TelphinFixtures.DIALECT;
import static io.switchboard.vendor.telphin.TelphinFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import org.junit.jupiter.api.Test;

class TelphinDialectAuthenticationTest {

    private final InboundRequest request = TelphinFixtures.request("inbound-answered/01-dial-in.query");

    @Test
    void vendorIdIsTelphin() {
        assertThat(DIALECT.vendor()).isEqualTo("telphin");
    }

    @Test
    void knownTokenNamesItsSource() {
        Source source = DIALECT.authenticate(request, TOKEN, TelphinFixtures.sources());

        assertThat(source.id()).isEqualTo("telphin-office");
    }

    @Test
    void missingTokenIs401MissingToken() {
        RejectedRequestException e = reject(null);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("missing_token");
        assertThat(e.getMessage()).contains("/webhooks/telphin/{token}");
    }

    @Test
    void blankTokenIs401MissingToken() {
        assertThat(reject("  ").code()).isEqualTo("missing_token");
    }

    @Test
    void unknownTokenIs401UnknownTokenWithoutEchoingIt() {
        RejectedRequestException e = reject("tk-guessed-123");

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("unknown_token");
        assertThat(e.getMessage()).doesNotContain("tk-guessed-123");
    }

    @Test
    void tokenOfAnotherVendorsSourceIsUnknown() {
        RejectedRequestException e = reject(TelphinFixtures.OTHER_VENDOR.token());

        assertThat(e.code()).isEqualTo("unknown_token");
        assertThat(e.getMessage()).doesNotContain(TelphinFixtures.OTHER_VENDOR.token());
    }

    @Test
    void prefixOfTheRightTokenIsUnknown() {
        assertThat(reject(TOKEN.substring(0, TOKEN.length() - 1)).code()).isEqualTo("unknown_token");
    }

    private RejectedRequestException reject(String token) {
        return catchThrowableOfType(
                RejectedRequestException.class,
                () -> DIALECT.authenticate(request, token, TelphinFixtures.sources()));
    }
}
