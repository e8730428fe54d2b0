package io.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static ApiKeyProperties.Key key(String id, String sha256, String clear, String... scopes) {
        return new ApiKeyProperties.Key(id, sha256, clear, List.of(scopes), 10, 10);
    }

    @Test
    void findsAKeyByItsSha256AndAdminImpliesEveryScope() {
        String secret = NewApiKey.generate();
        ApiKeys keys = new ApiKeys(new ApiKeyProperties(List.of(
                key("ops", "sha256:" + ApiKeys.sha256(secret), null, "admin"),
                key("crm", null, "sb_clear_text_key_for_dev", "calls:read"))));

        assertThat(keys.find(secret)).hasValueSatisfying(k -> {
            assertThat(k.id()).isEqualTo("ops");
            assertThat(k.allows(Scope.CLICK_TO_CALL)).isTrue();
            assertThat(k.allows(Scope.CALLS_READ)).isTrue();
        });
        assertThat(keys.find("sb_clear_text_key_for_dev")).hasValueSatisfying(k -> {
            assertThat(k.allows(Scope.CALLS_READ)).isTrue();
            assertThat(k.allows(Scope.CLICK_TO_CALL)).isFalse();
        });
        assertThat(keys.find(secret + "x")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void generatedKeysAreLongAndDistinct() {
        assertThat(NewApiKey.generate()).startsWith("sb_").hasSize(46).isNotEqualTo(NewApiKey.generate());
    }

    @Test
    void badConfigurationFailsAtStartWithAClearMessage() {
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(key("a", null, null, "admin")))))
                .hasMessageContaining("exactly one of sha256");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(key("a", "abc", null, "admin")))))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(key("a", null, "sb_long_enough_key_1", "root")))))
                .hasMessageContaining("unknown scope 'root'");
        assertThatThrownBy(() -> new ApiKeys(new ApiKeyProperties(List.of(key("a", null, "short", "admin")))))
                .hasMessageContaining("16 characters");
    }
}
