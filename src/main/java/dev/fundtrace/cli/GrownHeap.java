package dev.fundtrace.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;

/**
 * A run keeps the heap it has grown to until it exits. HotSpot's collector hands heap back to the system at the end
 * of a concurrent cycle when more than {@code MaxHeapFreeRatio} (70%) of it is free; the first cycle of a night comes
 * from class metadata growing during the start, when the heap holds a few megabytes, and gives back most of the
 * initial heap, which the load then grows again collection by collection, on pages it must fault in afresh
 * (docs/performance.md, "The heap a run keeps"). {@code MaxHeapFreeRatio} is one of HotSpot's manageable options,
 * set here at run time; a value given on the command line is left as it is, and so is a JVM without the option.
 */
final class GrownHeap {

    private static final String OPTION = "MaxHeapFreeRatio";

    private GrownHeap() {}

    static void keep() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotspot != null && hotspot.getVMOption(OPTION).getOrigin() == VMOption.Origin.DEFAULT) {
                hotspot.setVMOption(OPTION, "100");
            }
        } catch (RuntimeException notHotSpot) {
            // not HotSpot, or the option not writable here: the JVM keeps its own policy
        }
    }
}
