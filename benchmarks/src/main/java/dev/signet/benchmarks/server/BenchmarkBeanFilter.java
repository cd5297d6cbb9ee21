// SPDX-License-Identifier: Apache-2.0
package dev.signet.benchmarks.server;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.Set;

/**
 * Keeps the provider test-jar's recording beans out of the benchmark server. The test-jar is a bean
 * archive, and its {@code RefusalEvents} observes every verified request into a CopyOnWriteArrayList:
 * an O(n) copy per signed request, which made signed throughput fall round after round (found with JFR:
 * JavaMonitorEnter on {@code CopyOnWriteArrayList.add} from {@code RefusalEvents.onVerified}). A real
 * application has no such observer; {@code TestKeys}, the key repository, stays.
 */
public class BenchmarkBeanFilter implements Extension {

    private static final Set<String> VETOED = Set.of("dev.signet.provider.testing.RefusalEvents");

    <T> void skipTestRecorders(@Observes ProcessAnnotatedType<T> type) {
        if (VETOED.contains(type.getAnnotatedType().getJavaClass().getName())) {
            type.veto();
        }
    }
}
