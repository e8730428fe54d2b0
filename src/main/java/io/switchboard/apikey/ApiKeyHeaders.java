package io.switchboard.apikey;

/** Headers the API key filter gives authenticated requests. */
public final class ApiKeyHeaders {

    /** Id of the API key the request was authenticated with (set by the hub; a caller's value is replaced). */
    public static final String KEY_ID = "X-Switchboard-Api-Key-Id";

    private ApiKeyHeaders() {}
}
