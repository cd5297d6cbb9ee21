// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.payara;

import java.nio.file.Path;
import java.util.List;

/** The Payara Micro JVM that the Arquillian adapter started from this test JVM. */
final class PayaraMicroProcess {

    private PayaraMicroProcess() {
    }

    /** Its process id: the one descendant of this JVM whose command line runs the build's payara-micro jar. */
    static long pid() {
        String microJar = Path.of(System.getProperty("payara.micro.jar")).toAbsolutePath().toString();
        List<ProcessHandle> micro = ProcessHandle.current().descendants()
            .filter(ProcessHandle::isAlive)
            .filter(process -> process.info().commandLine().map(line -> line.contains(microJar)).orElse(false))
            .toList();
        if (micro.size() != 1) {
            throw new IllegalStateException("expected one Payara Micro process running " + microJar + ", found "
                + micro.stream().map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList());
        }
        return micro.get(0).pid();
    }
}
