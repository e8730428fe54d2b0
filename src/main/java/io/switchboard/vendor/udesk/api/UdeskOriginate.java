package io.switchboard.vendor.udesk.api;

import java.util.List;

/**
 * An outbound call for {@code POST originatev2}: udesk rings the agent, then dials {@code called}.
 *
 * @param caller trunk (relay) number bound to the agent under the tenant ({@code caller})
 * @param called number to call ({@code called})
 * @param calledDisplay number shown to the called party ({@code called_display})
 * @param agentId agent placing the call, signed in ({@code agent_id})
 * @param userData data udesk attaches to the named call events ({@code user_data}), may be empty
 */
public record UdeskOriginate(String caller, String called, String calledDisplay, String agentId,
        List<UserData> userData) {

    public UdeskOriginate {
        requireText(caller, "caller");
        requireText(called, "called");
        requireText(calledDisplay, "calledDisplay");
        requireText(agentId, "agentId");
        userData = userData == null ? List.of() : List.copyOf(userData);
    }

    /**
     * One {@code user_data} item: {@code data} is carried on the events named {@code evt}
     * (for instance {@code user_answer}); use it to tag a call the hub started.
     */
    public record UserData(String evt, String data) {
        public UserData {
            requireText(evt, "user_data evt");
            if (data == null) {
                throw new IllegalArgumentException("udesk user_data data must not be null");
            }
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("udesk originate " + name + " must not be blank");
        }
    }
}
