package io.switchboard.vendor.callr.api;

/**
 * How the hub starts click-to-calls on CALLR.
 *
 * @param appName                name of the {@code CLICKTOCALL10} app the hub creates once (default {@code switchboard-click-to-call})
 * @param agentTimeoutSeconds    how long the agent's phone (party A, called first) rings, 5..300 (default 30)
 * @param customerTimeoutSeconds how long the customer's phone (party B) rings, 5..300 (default 40, as the source setting `customer-timeout`)
 */
public record CallrClickToCallSettings(String appName, int agentTimeoutSeconds, int customerTimeoutSeconds) {

    public static final String DEFAULT_APP_NAME = "switchboard-click-to-call";

    public CallrClickToCallSettings {
        appName = appName == null || appName.isBlank() ? DEFAULT_APP_NAME : appName.strip();
        agentTimeoutSeconds = agentTimeoutSeconds == 0 ? 30 : agentTimeoutSeconds;
        customerTimeoutSeconds = customerTimeoutSeconds == 0 ? 40 : customerTimeoutSeconds;
        checkTimeout(agentTimeoutSeconds, "agentTimeoutSeconds");
        checkTimeout(customerTimeoutSeconds, "customerTimeoutSeconds");
    }

    public static CallrClickToCallSettings defaults() {
        return new CallrClickToCallSettings(null, 0, 0);
    }

    private static void checkTimeout(int seconds, String name) {
        if (seconds < CallrTarget.MIN_TIMEOUT || seconds > CallrTarget.MAX_TIMEOUT) {
            throw new IllegalArgumentException(name + " must be between 5 and 300 seconds, was " + seconds);
        }
    }
}
