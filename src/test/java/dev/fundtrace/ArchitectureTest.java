package dev.fundtrace;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package boundaries: capabilities never reach up into the batch wiring or the command line, and no cycles. */
class ArchitectureTest {

    // imported once for all rules, from the compiled classes only (scanning every jar of the class path for the
    // package, once per test, was most of this test's time)
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of(FundtraceApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath()));

    @Test
    void capabilitiesDoNotDependOnWiringOrCli() {
        noClasses().that().resideInAnyPackage("..designation..", "..ledger..", "..labels..", "..trace..", "..rules..",
                        "..report..", "..jobfile..", "..rejects..", "..chain..", "..database..", "..runlock..", "..files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.batch..", "dev.fundtrace.cli..")
                .check(classes);
    }

    @Test
    void theStoreServesTheStepsWithoutKnowingThem() {
        noClasses().that().resideInAPackage("dev.fundtrace.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.batch..", "dev.fundtrace.cli..")
                .check(classes);
    }

    @Test
    void theTraceKernelKnowsNothingOfSpringOrTheDatabase() {
        noClasses().that().resideInAnyPackage("dev.fundtrace.trace..", "dev.fundtrace.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(classes);
    }

    /** They read a chain's transfers through ledger.LedgerView only: no family's classes, not the segment store. */
    @Test
    void theTraceAndTheRulesKnowNoChainFamily() {
        noClasses().that().resideInAnyPackage("dev.fundtrace.trace..", "dev.fundtrace.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.chain.ethereum..",
                        "dev.fundtrace.chain.utxo..", "dev.fundtrace.ledger.store..")
                .check(classes);
    }

    /** The chain-neutral core finds the families' codecs through ServiceLoader: it names none of them. */
    @Test
    void theChainCoreNamesNoFamily() {
        noClasses().that().resideInAPackage("dev.fundtrace.chain")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.chain.ethereum..", "dev.fundtrace.chain.utxo..")
                .check(classes);
    }

    /** The batch wires the families in; nothing else outside a family names one (the command line goes through the batch). */
    @Test
    void onlyTheBatchNamesAChainFamily() {
        noClasses().that().resideOutsideOfPackages("dev.fundtrace.batch..", "dev.fundtrace.chain.ethereum..",
                        "dev.fundtrace.chain.utxo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.chain.ethereum..", "dev.fundtrace.chain.utxo..")
                .check(classes);
    }

    @Test
    void chainFamiliesDoNotKnowEachOther() {
        noClasses().that().resideInAnyPackage("dev.fundtrace.chain.ethereum..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.chain.utxo..").check(classes);
        noClasses().that().resideInAnyPackage("dev.fundtrace.chain.utxo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.fundtrace.chain.ethereum..").check(classes);
    }

    @Test
    void noCyclesBetweenCapabilities() {
        slices().matching("dev.fundtrace.(*)..").should().beFreeOfCycles().check(classes);
    }
}
