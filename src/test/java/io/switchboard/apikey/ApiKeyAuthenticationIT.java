package io.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.HubIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /api/v1 needs a known key with the right scope, within its rate limit; webhooks and OpenAPI do not. */
class ApiKeyAuthenticationIT extends HubIntegrationTest {

    private static final String READER = "sb_test_reader_key_0123456789";
    private static final String CALLER = "sb_test_caller_key_0123456789";
    private static final String SLOW = "sb_test_slow_key_0123456789";

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
        assertThat(json(response).path("error").asText()).isEqualTo(error);
        assertThat(json(response).path("message").asText()).isNotBlank();
    }

    @Test
    void noKeyIsA401() {
        HttpResponse<String> response = get("/api/v1/calls", Map.of());

        assertJsonError(response, 401, "missing_api_key");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anUnknownKeyIsA401ThatDoesNotEchoTheKey() {
        HttpResponse<String> response = get("/api/v1/calls", Map.of("Authorization", "Bearer sb_not_a_real_key_42"));

        assertJsonError(response, 401, "invalid_api_key");
        assertThat(response.body()).doesNotContain("sb_not_a_real_key_42");
    }

    @Test
    void bearerAndXApiKeyBothWork() {
        assertThat(get("/api/v1/calls", Map.of("Authorization", "Bearer " + READER)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/calls", Map.of("X-Api-Key", READER)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/events", Map.of("authorization", "bearer " + READER)).statusCode()).isEqualTo(200);
    }

    @Test
    void twoDifferentKeysAreA401WhateverTheOrderAndTheSameKeyTwiceIsFine() {
        assertJsonError(get("/api/v1/calls", Map.of("X-Api-Key", "sb_wrong_key_000", "Authorization", "Bearer " + READER)),
                401, "conflicting_api_keys");
        assertJsonError(get("/api/v1/calls", Map.of("X-Api-Key", READER, "Authorization", "Bearer sb_wrong_key_000")),
                401, "conflicting_api_keys");
        assertThat(get("/api/v1/calls", Map.of("X-Api-Key", READER, "Authorization", "Bearer " + READER)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aKeyWithoutTheScopeIsA403NamingIt() {
        HttpResponse<String> reading = get("/api/v1/calls", Map.of("X-Api-Key", CALLER));
        HttpResponse<String> calling = post("/api/v1/click-to-call", "application/json", "{}", Map.of("X-Api-Key", READER));
        HttpResponse<String> admin = post("/api/v1/admin/sources/keyyo-demo/register-webhooks", "application/json", "{}",
                Map.of("X-Api-Key", READER));

        assertJsonError(reading, 403, "insufficient_scope");
        assertThat(json(reading).path("message").asText()).contains("calls:read");
        assertJsonError(calling, 403, "insufficient_scope");
        assertThat(json(calling).path("message").asText()).contains("click-to-call");
        assertJsonError(admin, 403, "insufficient_scope");
        assertThat(json(admin).path("message").asText()).contains("admin");
    }

    @Test
    void overTheRateLimitIsA429WithRetryAfter() {
        assertThat(get("/api/v1/calls", Map.of("X-Api-Key", SLOW)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/calls", Map.of("X-Api-Key", SLOW)).statusCode()).isEqualTo(200);

        HttpResponse<String> third = get("/api/v1/calls", Map.of("X-Api-Key", SLOW));

        assertJsonError(third, 429, "rate_limited");
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 100L);
        assertThat(get("/api/v1/calls", Map.of("X-Api-Key", READER)).statusCode())
                .as("other keys keep their own budget")
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentNeedsNoKey() {
        HttpResponse<String> openApi = get("/api/v1/openapi.json", Map.of());

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/click-to-call", "/admin/sources/{id}/register-webhooks");
    }

    @Test
    void webhooksNeedNoApiKeyAndIgnoreOne() {
        String token = source("keyyo-demo").token();
        String query = "?account=33100000001&caller=33600000001&callee=33100000001&type=SETUP&tsms=1732353600000";

        HttpResponse<String> without = get("/webhooks/keyyo/" + token + query, Map.of());
        HttpResponse<String> withWrongKey = get("/webhooks/keyyo/" + token + query, Map.of("Authorization", "Bearer nonsense"));
        HttpResponse<String> wrongToken = get("/webhooks/keyyo/wrong-token" + query, Map.of("X-Api-Key", TEST_API_KEY));

        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(withWrongKey.statusCode()).isEqualTo(200);
        assertThat(wrongToken.statusCode()).as("an API key does not replace the vendor token").isEqualTo(401);
    }
}
