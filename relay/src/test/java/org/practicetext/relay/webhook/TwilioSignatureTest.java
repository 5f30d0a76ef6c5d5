// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    /** The example Twilio publishes in its webhook-security documentation. */
    private static final Map<String, List<String>> PUBLISHED_PARAMS = Map.of(
            "CallSid", List.of("CA1234567890ABCDE"),
            "Caller", List.of("+14158675309"),
            "Digits", List.of("1234"),
            "From", List.of("+14158675309"),
            "To", List.of("+18005551212"));

    @Test
    void matchesTwilioPublishedVector() {
        TwilioSignature signature = new TwilioSignature("12345");

        assertThat(signature.sign("https://mycompany.com/myapp.php?foo=1&bar=2", PUBLISHED_PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(signature.matches("https://mycompany.com/myapp.php?foo=1&bar=2", PUBLISHED_PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void anotherTokenOrParameterChangesTheSignature() {
        assertThat(new TwilioSignature("54321").matches("https://mycompany.com/myapp.php?foo=1&bar=2", PUBLISHED_PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
        var changed = new java.util.HashMap<>(PUBLISHED_PARAMS);
        changed.put("Digits", List.of("1235"));
        assertThat(new TwilioSignature("12345").matches("https://mycompany.com/myapp.php?foo=1&bar=2", changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8="))
                .isFalse();
    }

    @Test
    void defaultPortMayBeAddedOrRemovedButNoOtherPort() {
        TwilioSignature signature = new TwilioSignature("12345");
        String signedWithoutPort = signature.sign("https://relay.example.com/twilio/sms", PUBLISHED_PARAMS);
        String signedWithPort = signature.sign("https://relay.example.com:443/twilio/sms", PUBLISHED_PARAMS);

        assertThat(signature.matches("https://relay.example.com:443/twilio/sms", PUBLISHED_PARAMS, signedWithoutPort)).isTrue();
        assertThat(signature.matches("https://relay.example.com/twilio/sms", PUBLISHED_PARAMS, signedWithPort)).isTrue();
        assertThat(signature.matches("https://relay.example.com:8443/twilio/sms", PUBLISHED_PARAMS, signedWithoutPort)).isFalse();
    }

    @Test
    void fragmentIsNotSigned() {
        TwilioSignature signature = new TwilioSignature("12345");
        String signed = signature.sign("https://relay.example.com/twilio/sms", PUBLISHED_PARAMS);

        assertThat(signature.matches("https://relay.example.com/twilio/sms#rc=3&rp=all", PUBLISHED_PARAMS, signed)).isTrue();
    }

    @Test
    void nonAsciiBodyIsSignedAsUtf8() {
        TwilioSignature signature = new TwilioSignature("12345");
        Map<String, List<String>> params = Map.of("Body", List.of("¿Café mañana? 😀"));
        String signed = signature.sign("https://relay.example.com/twilio/sms", params);

        assertThat(signature.matches("https://relay.example.com/twilio/sms", params, signed)).isTrue();
        assertThat(signature.matches("https://relay.example.com/twilio/sms", Map.of("Body", List.of("¿Cafe mañana? 😀")), signed)).isFalse();
    }

    @Test
    void missingSignatureNeverMatches() {
        TwilioSignature signature = new TwilioSignature("12345");

        assertThat(signature.matches("https://relay.example.com/twilio/sms", PUBLISHED_PARAMS, null)).isFalse();
        assertThat(signature.matches("https://relay.example.com/twilio/sms", PUBLISHED_PARAMS, "")).isFalse();
    }
}
