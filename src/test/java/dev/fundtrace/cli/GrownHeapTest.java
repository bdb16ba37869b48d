package dev.fundtrace.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class GrownHeapTest {

    @Test
    void aRunKeepsTheHeapItGrewWhenTheCommandLineSaidNothing() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // the test JVM is started with -Xmx2g only (pom.xml, surefire's argLine)
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getOrigin()).isIn(
                com.sun.management.VMOption.Origin.DEFAULT, com.sun.management.VMOption.Origin.MANAGEMENT);

        GrownHeap.keep();

        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("100");
    }
}
