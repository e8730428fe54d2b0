package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.TOKEN;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.get;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.VendorDialect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyyoDialectAuthenticationTest {

    private final List<VendorDialect> dialects = List.of(new KeyyoDialect(), new KeyyoCtiDialect());

    @Test
    void vendorIdsNameThePathsOfBothFeeds() {
        assertThat(dialects).extracting(VendorDialect::vendor).containsExactly("keyyo", "keyyo-cti");
    }

    @Test
    void theTokenOfAKeyyoSourceAuthenticatesBothFeeds() {
        for (VendorDialect dialect : dialects) {
            Source source = dialect.authenticate(get("account=1"), TOKEN, sources());
            assertThat(source.id()).isEqualTo("keyyo-paris");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMissingTokenIs401MissingToken(String token) {
        for (VendorDialect dialect : dialects) {
            assertThatThrownBy(() -> dialect.authenticate(get("account=1"), token, sources()))
                    .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("missing_token");
                        assertThat(e.getMessage()).contains("Missing token");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-token", "k3yy0-s3cr3t-t0k3n-000111222334", "telphin-token"})
    void anUnknownTokenIs401UnknownTokenWithoutEchoingIt(String token) {
        for (VendorDialect dialect : dialects) {
            assertThatThrownBy(() -> dialect.authenticate(get("account=1"), token, sources()))
                    .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("unknown_token");
                        assertThat(e.getMessage()).doesNotContain(token).contains("no keyyo source");
                    });
        }
    }
}
