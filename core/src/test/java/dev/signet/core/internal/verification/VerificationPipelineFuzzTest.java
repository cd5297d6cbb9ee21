// SPDX-License-Identifier: Apache-2.0
package dev.signet.core.internal.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.core.internal.address.ForwardedAddresses;
import dev.signet.core.internal.address.ForwardedHeader;
import dev.signet.core.internal.crypto.BodyHash;
import dev.signet.core.keys.IpRange;
import dev.signet.core.scheme.Presets;
import dev.signet.core.scheme.Scheme;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the whole server pipeline of every preset with requests the fuzzer builds without the secret:
 * method, path, any number of headers under every preset's names (any case, duplicates included), peer
 * address, forwarding headers, tenant, scopes and body hash. Each input is verified by all four presets, by the
 * server pipeline and by the offline one of tools.
 *
 * <p>Invariants: {@code verify} returns (never throws); the answer is a {@link Refusal} from a step no later
 * than the signature (nobody can forge an HMAC); nothing is recorded in the replay store and no rate budget
 * is charged; the refusal's detail is never blank, carries the signed string only in diagnostics mode on a
 * mismatch, and never the secret; a trace sees the steps in order and ends with the refusal's step.
 */
public class VerificationPipelineFuzzTest {

    static final List<IpRange> TRUSTED_PROXIES = List.of(IpRange.parse("127.0.0.1"), IpRange.parse("10.0.0.0/8"),
            IpRange.parse("::1"), IpRange.parse("2001:db8::/32"));

    @FuzzTest(maxDuration = "10s")
    public void forgedRequestIsRefusedAndLeavesNoTrace(FuzzedDataProvider data) throws IOException {
        String method = FuzzedRequests.method(data);
        String path = FuzzedRequests.path(data);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            headers.computeIfAbsent(FuzzedRequests.headerName(data), n -> new ArrayList<>())
                    .add(FuzzedRequests.headerValue(data));
        }
        String peer = data.consumeBoolean() ? null
                : data.consumeBoolean() ? data.pickValue(FuzzedRequests.ADDRESSES) : data.consumeString(48);
        Optional<BodyHash> body = data.consumeInt(0, 9) == 0 ? Optional.empty()
                : Optional.of(data.consumeBoolean() ? BodyHash.EMPTY : BodyHash.of(data.consumeBytes(64)));
        Set<String> scopes = FuzzedRequests.scopes(data);
        boolean diagnostics = data.consumeBoolean();
        boolean traced = data.consumeBoolean();
        boolean tenantHeader = data.consumeBoolean();
        boolean replayDown = data.consumeInt(0, 15) == 0;
        long rateAnswer = data.consumeBoolean() ? 0 : data.consumeLong(0, 120);
        ForwardedHeader forwarded = data.pickValue(ForwardedHeader.values());
        int defaultRate = data.consumeInt(0, 100);

        ReceivedRequest request = new ReceivedRequest(method, path, HeaderSource.ofLists(headers), peer);
        boolean mentionsSecret = (method + path + headers).contains(FuzzPorts.SECRET);
        for (Scheme scheme : Presets.all()) {
            FuzzPorts.ReplayStore replay = new FuzzPorts.ReplayStore(replayDown);
            FuzzPorts.RateBudget rate = new FuzzPorts.RateBudget(rateAnswer);
            FuzzPorts.RecordingTrace trace = new FuzzPorts.RecordingTrace();
            VerificationPipeline pipeline = VerificationPipeline.forServer(scheme, Clock.fixed(FuzzPorts.NOW, ZoneOffset.UTC),
                            FuzzPorts::find, replay, rate, new ForwardedAddresses(TRUSTED_PROXIES, forwarded),
                            tenantHeader ? Ports.TenantBinding.header(FuzzPorts.TENANT_HEADER) : Ports.TenantBinding.none())
                    .diagnostics(diagnostics).defaultRatePerMinute(defaultRate).clockSkew(Duration.ofSeconds(5)).build();

            Verification result = pipeline.verify(request, BodySource.ofHash(body), Endpoint.scoped(scopes), traced ? trace : Trace.NONE);

            String where = scheme.name() + ": " + result;
            Refusal refusal = assertInstanceOf(Refusal.class, result, () -> "a forged request verified under " + where);
            assertTrue(refusal.failure().step().number() <= Step.SIGNATURE.number(), where);
            assertFalse(refusal.detail().isBlank(), where);
            assertEquals(0, refusal.retryAfterSeconds(), where);
            assertEquals(diagnostics && refusal.failure() == Failure.SIGNATURE_MISMATCH, refusal.signedString().isPresent(), where);
            if (!mentionsSecret) {
                assertFalse(refusal.detail().contains(FuzzPorts.SECRET), where);
                assertFalse(refusal.signedString().orElse("").contains(FuzzPorts.SECRET), where);
            }
            assertEquals(0, replay.recorded, () -> "a forged request was recorded as accepted under " + where);
            assertTrue(replay.entries.isEmpty(), where);
            assertEquals(0, rate.charged, () -> "a forged request was charged to a key under " + where);
            if (traced) {
                trace.assertEndsWith(refusal);
            }

            // The offline pipeline of tools: the same request is refused there too, the server's steps not checked.
            FuzzPorts.RecordingTrace offlineTrace = new FuzzPorts.RecordingTrace();
            Verification offline = VerificationPipeline.offline(scheme, Clock.fixed(FuzzPorts.NOW, ZoneOffset.UTC), FuzzPorts::find)
                    .verify(request, BodySource.ofHash(body), Endpoint.scoped(scopes), traced ? offlineTrace : Trace.NONE);
            Refusal offlineRefusal = assertInstanceOf(Refusal.class, offline, () -> "a forged request verified offline under " + where);
            assertTrue(offlineRefusal.failure().step().number() <= Step.SIGNATURE.number(), where);
            if (traced) {
                offlineTrace.assertEndsWith(offlineRefusal);
            }
        }
    }
}
