package dev.fundtrace.trace;

import dev.fundtrace.ledger.Transfer;
import dev.fundtrace.ledger.TransferKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.trace.LedgerFixture.ETH;
import static dev.fundtrace.trace.LedgerFixture.TOKEN;
import static dev.fundtrace.trace.LedgerFixture.UINT256_MAX;
import static dev.fundtrace.trace.LedgerFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins every rule of {@code /work/shared/spec/tracing.md} with small hand-computed graphs. Amounts in comments
 * are the haircut procedure worked by hand: B = known balance, T = tainted part, t = taint a transfer carries.
 */
class TracingRulesTest {

    /** Taint is an exact integer in raw units (tracing.md): equal to the unit. */
    static void assertExact(BigInteger actual, long expected) {
        assertExact(actual, BigInteger.valueOf(expected));
    }

    static void assertExact(BigInteger actual, BigInteger expected) {
        assertThat(actual).as("actual %s vs expected %s", actual, expected).isEqualTo(expected);
    }

    static LedgerFixture graph() {
        return new LedgerFixture().seeds("S").maxHops(4);
    }

    @Nested
    class Order {

        @Test
        void sameBlockLaterPositionCannotTaintAnEarlierOne() {
            var r = graph()
                    .tx(10, 3, "A", "B", 50)    // before A gets anything: B_A = 0 -> t = 0, B_A stays 0
                    .tx(10, 5, "S", "A", 100)   // seed: t = 100; A: B = 100, T = 100
                    .tx(10, 7, "A", "C", 40)    // t = min(100, 40*100/100) = 40
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "C", 2));
            assertExact(r.received("A"), 100);
            assertExact(r.received("C"), 40);
            assertExact(r.received("B"), 0);
            assertExact(r.leftHorizon(), 0);
        }

        @Test
        void blockComesBeforePosition() {
            var r = graph()
                    .tx(10, 9, "S", "A", 100)
                    .tx(11, 0, "A", "B", 10)    // later block, lower position: after
                    .tx(9, 50, "A", "C", 10)    // earlier block, higher position: before
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2));
            assertExact(r.received("B"), 10);
        }

        @Test
        void internalCallComesAfterItsTransactionAndBeforeTheNextTransaction() {
            // one transaction at (10, 5): top-level S -> A, then internal calls A -> B (sub 1), B -> C (sub 2)
            var r = graph()
                    .tx(10, 5, "S", "A", 100)            // A: B = 100, T = 100
                    .internal(10, 5, 1, "A", "B", 60)    // t = 60; A: B = 40, T = 40
                    .internal(10, 5, 2, "B", "C", 60)    // B: B = 60, T = 60 -> t = 60
                    .internal(10, 4, 1, "A", "D", 5)     // inside the earlier transaction 4: before S -> A
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 3));
            assertExact(r.received("B"), 60);
            assertExact(r.received("C"), 60);
            assertThat(r.path("C")).containsExactly("10:5 S>A", "10:5.1 A>B", "10:5.2 B>C");
        }

        @Test
        void topLevelTransferIsBeforeTheInternalCallsOfTheSameTransaction() {
            // A sends to B at (10,5); inside that same transaction the seed pays A (sub 1): too late for A -> B
            var r = graph()
                    .tx(10, 5, "A", "B", 100)
                    .internal(10, 5, 1, "S", "A", 100)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1));
            assertExact(r.received("B"), 0);
        }

        @Test
        void equalOrderIsNotStrictlyBefore_aTransferCannotPassOnItsOwnTaint() {
            // The only transfers of one asset with equal order are the same transfer. A self-transfer A -> A
            // arrives and leaves at the same order: it cannot extend a chain beyond itself, and the A -> B
            // sent in the very same transaction slot before (sub 0 vs sub 1) is not reached.
            var r = graph()
                    .tx(10, 5, "A", "B", 10)
                    .internal(10, 5, 1, "S", "A", 100)
                    .internal(10, 5, 2, "A", "A", 100)   // A: spend 100 (t = 100) then receive it back
                    .internal(10, 5, 3, "A", "C", 30)    // t = 30
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "C", 2));
            assertExact(r.received("A"), 200);     // 100 from S, 100 from itself
            assertExact(r.received("C"), 30);
            assertExact(r.received("B"), 0);
        }

        @Test
        void transferArrivingAfterTheOutgoingOneDoesNotTaintIt() {
            var r = graph()
                    .tx(10, 0, "A", "B", 50)    // A reached (later) but B_A = 0: t = 0, and B is not reached
                    .tx(11, 0, "S", "A", 100)
                    .tx(12, 0, "A", "C", 30)    // t = 30
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "C", 2));
            assertExact(r.received("B"), 0);
            assertExact(r.received("C"), 30);
        }
    }

    @Nested
    class Reverted {

        @Test
        void revertedTransactionsMoveNothing() {
            var r = graph()
                    .reverted(10, 0, "S", "A", 100)   // attempted only
                    .tx(11, 0, "A", "B", 100)
                    .tx(12, 0, "S", "C", 5)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("C", 1));
            assertThat(r.backHops()).isEmpty();
        }

        @Test
        void revertedTransactionsDoNotAddToTheBalance() {
            var r = graph()
                    .tx(9, 0, "S", "A", 100)           // A: B = 100, T = 100
                    .reverted(10, 0, "C", "A", 1000)   // not a transfer: B stays 100
                    .tx(11, 0, "A", "B", 50)           // t = 50*100/100 = 50 (not 50*100/1100)
                    .trace();
            assertExact(r.received("B"), 50);
        }

        @Test
        void anAssetSeenOnlyInRevertedSeedTransactionsIsNotTraced() {
            var r = graph().reverted(10, 0, "S", "A", 100).tx(11, 0, "A", "B", 1).trace();
            assertThat(r.asset(ETH)).isNull();
        }
    }

    @Nested
    class Haircut {

        @Test
        void spendingMoreThanReceivedSpendsCleanMoneyForTheExcess() {
            var r = graph()
                    .tx(1, 0, "S", "A", 100)    // A: B = 100, T = 100
                    .tx(2, 0, "A", "B", 150)    // t = min(100, 150*100/100) = 100; B_A = max(0, -50) = 0, T = 0
                    .tx(3, 0, "A", "C", 10)     // B_A = 0 -> t = 0
                    .trace();
            assertExact(r.received("B"), 100);
            assertExact(r.received("C"), 0);
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 2)); // poison still reaches C
        }

        @Test
        void unknownEarlierBalanceIsClean_andTheBalanceIsClampedAtZero() {
            var r = graph()
                    .tx(1, 0, "X", "A", 50)     // clean: B_A = 50
                    .tx(2, 0, "A", "Y", 80)     // spends more than known: B_A = max(0, -30) = 0
                    .tx(3, 0, "S", "A", 100)    // B = 100, T = 100 (not 70 without the clamp)
                    .tx(4, 0, "A", "Z", 50)     // t = 50*100/100 = 50 (71.43 without the clamp)
                    .tx(5, 0, "A", "W", 80)     // B = 50, T = 50: t = min(50, 80*50/50) = 50
                    .tx(6, 0, "A", "V", 1)      // B = 0: t = 0
                    .trace();
            assertExact(r.received("Z"), 50);
            assertExact(r.received("W"), 50);
            assertExact(r.received("V"), 0);
            assertExact(r.received("Y"), 0);
            assertThat(r.reached()).containsExactly("A", "V", "W", "Z");
        }

        @Test
        void proportionalMixingWithCleanFunds() {
            var r = graph()
                    .tx(1, 0, "C", "A", 300)    // clean: B_A = 300
                    .tx(2, 0, "S", "A", 100)    // B_A = 400, T_A = 100
                    .tx(3, 0, "A", "B", 200)    // t = 200*100/400 = 50; A: B = 200, T = 50
                    .tx(4, 0, "A", "D", 100)    // t = 100*50/200 = 25; A: B = 100, T = 25
                    .tx(5, 0, "B", "E", 200)    // B: B = 200, T = 50 -> t = 50
                    .tx(6, 0, "F", "B", 100)    // clean into B after it emptied: B_B = 100, T_B = 0
                    .tx(7, 0, "B", "G", 100)    // t = 0
                    .tx(8, 0, "A", "G", 60)     // t = 60*25/100 = 15
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "D", 2, "E", 3, "G", 2));
            assertExact(r.received("A"), 100);
            assertExact(r.received("B"), 50);
            assertExact(r.received("D"), 25);
            assertExact(r.received("E"), 50);
            assertExact(r.received("G"), 15);
            assertExact(r.received("C"), 0);
            assertExact(r.leftHorizon(), 0);
        }

        @Test
        void sharesAreFlooredToWholeUnitsAndTheRestStaysWithTheSender() {
            var r = graph()
                    .tx(1, 0, "C", "A", 2)      // B = 2
                    .tx(2, 0, "S", "A", 1)      // B = 3, T = 1
                    .tx(3, 0, "A", "B", 1)      // t = floor(1*1/3) = 0; A: B = 2, T = 1
                    .tx(4, 0, "A", "D", 1)      // t = floor(1*1/2) = 0; A: B = 1, T = 1
                    .tx(5, 0, "A", "E", 7)      // t = min(1, floor(7*1/1)) = 1; A: B = 0, T = 0
                    .trace();
            assertExact(r.received("B"), 0);
            assertExact(r.received("D"), 0);
            assertExact(r.received("E"), 1);
            assertExact(r.leftHorizon(), 0);
        }

        @Test
        void floorOfTheExactProductNotOfARoundedShare() {
            // t is floor of the exact product over B: 3·5/6 = 2.5 gives 2, and 2·3/3 exactly 2
            var r = graph()
                    .tx(1, 0, "C", "A", 1)      // B = 1
                    .tx(2, 0, "S", "A", 5)      // B = 6, T = 5
                    .tx(3, 0, "A", "C", 3)      // t = floor(3*5/6) = 2; A: B = 3, T = 3
                    .tx(4, 0, "A", "B", 2)      // t = floor(2*3/3) = 2; A: B = 1, T = 1
                    .trace();
            assertExact(r.received("C"), 2);
            assertExact(r.received("B"), 2);
        }

        @Test
        void flowCarriesTheTaintOfEachStep() {
            var r = graph()
                    .tx(1, 0, "C", "A", 300)
                    .tx(2, 0, "S", "A", 100)
                    .tx(3, 0, "A", "B", 200)    // t = 50
                    .trace();
            Flow f = r.flow("B", Direction.FORWARD);
            assertThat(f.hops()).isEqualTo(2);
            assertThat(f.seed()).isEqualTo(addr("S"));
            assertThat(f.endpoint()).isEqualTo(addr("B"));
            assertThat(f.taintedAmountRaw()).isEqualTo(BigInteger.valueOf(50));
            assertThat(f.path()).extracting(FlowStep::taintCarriedRaw)
                    .containsExactly(BigInteger.valueOf(100), BigInteger.valueOf(50));
        }
    }

    @Nested
    class Horizon {

        @Test
        void addressAtHopMaxHopsPlusOneIsNotReached_itsTaintLeavesTheHorizon() {
            var r = graph().maxHops(2)
                    .tx(1, 0, "S", "A", 100)    // A hop 1: T = 100
                    .tx(2, 0, "A", "B", 100)    // B hop 2: T = 100
                    .tx(3, 0, "B", "C", 60)     // C would be hop 3: t = 60 leaves the horizon
                    .tx(4, 0, "B", "S", 40)     // back to the seed: t = min(40, 40*40/40) = 40 leaves, returned
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2));
            assertExact(r.received("C"), 0);
            assertExact(r.received("B"), 100);
            assertExact(r.leftHorizon(), 100);
            assertExact(r.returnedToSeeds(), 40);
        }

        @Test
        void oneMoreHopBringsTheAddressIn() {
            var r = graph().maxHops(3)
                    .tx(1, 0, "S", "A", 100)
                    .tx(2, 0, "A", "B", 100)
                    .tx(3, 0, "B", "C", 60)
                    .tx(4, 0, "B", "S", 40)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 3));
            assertExact(r.received("C"), 60);
            assertExact(r.leftHorizon(), 40);
            assertExact(r.returnedToSeeds(), 40);
        }

        @Test
        void maxHopsOneReachesOnlyDirectCounterparties() {
            var r = graph().maxHops(1)
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "B", 10)     // t = 10 leaves
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1));
            assertExact(r.leftHorizon(), 10);
            assertExact(r.returnedToSeeds(), 0);
        }
    }

    @Nested
    class Services {

        @Test
        void servicesAreEndpoints_reachedButNeverPassingTaintOn() {
            var r = graph().services("X")
                    .tx(0, 0, "S", "A", 10)     // A hop 1, T = 10, B = 10
                    .tx(1, 0, "S", "X", 100)    // service reached at hop 1, keeps t = 100
                    .tx(2, 0, "X", "A", 100)    // services' transfers carry t = 0 (A: B = 110, T = 10)
                    .tx(3, 0, "X", "C", 30)     // C not reached through the service
                    .tx(4, 0, "S", "B", 50)
                    .tx(5, 0, "B", "X", 20)     // t = min(50, 20*50/50) = 20, kept by X
                    .tx(6, 0, "A", "D", 55)     // t = 55*10/110 = 5
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 1, "D", 2, "X", 1));
            assertExact(r.received("X"), 120);
            assertExact(r.received("A"), 10);
            assertExact(r.received("C"), 0);
            assertExact(r.received("D"), 5);
            assertExact(r.leftHorizon(), 0);
        }

        @Test
        void serviceBeyondTheHorizonIsNotReached() {
            var r = graph().services("X").maxHops(1)
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "X", 10)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1));
            assertExact(r.leftHorizon(), 10);
        }

        @Test
        void aSeedThatIsAlsoLabelledIsASeed() {
            var r = graph().services("S")
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "B", 10)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2));
            assertExact(r.received("B"), 10);
        }
    }

    @Nested
    class Seeds {

        @Test
        void seedsPayingSeeds() {
            var r = new LedgerFixture().seeds("S1", "S2")
                    .tx(1, 0, "S1", "S2", 100)   // t = 100 to a seed: leaves, returned to seeds
                    .tx(2, 0, "S2", "A", 30)     // a seed's transfer carries its whole amount: t = 30
                    .tx(3, 0, "A", "S1", 10)     // A: B = 30, T = 30 -> t = 10, back to a seed
                    .tx(4, 0, "S1", "B", 5)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 1));
            assertExact(r.received("A"), 30);
            assertExact(r.received("B"), 5);
            assertExact(r.received("S1"), 0);
            assertExact(r.received("S2"), 0);
            assertExact(r.leftHorizon(), 110);
            assertExact(r.returnedToSeeds(), 110);
            // backward: A paid S1 (hop 1, amount 10); S2 paid by S1 is a seed, never a funding source
            assertThat(r.backHops()).isEqualTo(Map.of("A", 1));
            assertThat(r.backAmount("A")).isEqualTo(BigInteger.TEN);
        }

        @Test
        void seedTransferCarriesItsWholeAmountWhateverItReceived() {
            var r = graph()
                    .tx(1, 0, "C", "S", 5)
                    .tx(2, 0, "S", "A", 1000)   // t = 1000 although the ledger shows S received only 5
                    .trace();
            assertExact(r.received("A"), 1000);
            assertThat(r.backHops()).isEqualTo(Map.of("C", 1));
        }

        @Test
        void seedAddressesMatchCaseInsensitively() {
            var f = new LedgerFixture().tx(1, 0, "S", "A", 10);
            var trace = new ChainTracer(f.ledger()).trace(List.of(addr("S").toUpperCase().replace("0X", "0x")),
                    List.of(), new TraceParameters(true, false, 4, Map.of()));
            assertThat(trace.assets()).hasSize(1);
            assertThat(trace.assets().get(0).forward().reachedCount()).isEqualTo(1);
        }
    }

    @Nested
    class HopsAndArrival {

        @Test
        void hopIsTheSmallestCount_firstArrivalTheEarliestOverAnyLength() {
            var r = graph()
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "B", 10)
                    .tx(3, 0, "B", "C", 10)     // C at hop 3, early: T_C = 10
                    .tx(4, 0, "C", "D", 10)     // D via the early hop-3 arrival: hop 4, t = 10
                    .tx(5, 0, "S", "C", 10)     // C at hop 1, late: T_C = 10 again
                    .tx(6, 0, "C", "E", 10)     // E hop 2, t = 10
                    .tx(7, 0, "S2", "C", 1)     // not a seed: no effect on reach
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 1, "D", 4, "E", 2));
            assertThat(r.path("C")).containsExactly("5:0 S>C");
            assertThat(r.path("D")).containsExactly("1:0 S>A", "2:0 A>B", "3:0 B>C", "4:0 C>D");
            assertThat(r.path("E")).containsExactly("5:0 S>C", "6:0 C>E");
            assertExact(r.received("C"), 20);
            assertExact(r.received("D"), 10);
            assertExact(r.received("E"), 10);
        }

        @Test
        void theEarlyLongChainNeedsTheHopsToBeAllowed() {
            var r = graph().maxHops(3)
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "B", 10)
                    .tx(3, 0, "B", "C", 10)
                    .tx(4, 0, "C", "D", 10)     // D only at hop 4 > max: t = 10 leaves the horizon
                    .tx(5, 0, "S", "C", 10)
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 1));
            assertExact(r.leftHorizon(), 10);
        }

        @Test
        void addressReachedLateAtHopOneAndEarlierAtHopTwoPassesOnFromTheEarlierArrival() {
            var r = graph()
                    .tx(1, 0, "S", "A", 100)    // A hop 1
                    .tx(2, 0, "A", "B", 100)    // B at hop 2, early: T_B = 100
                    .tx(3, 0, "B", "C", 100)    // C via the early arrival: hop 3, t = 100
                    .tx(5, 0, "S", "B", 1)      // B at hop 1, late
                    .tx(6, 0, "B", "D", 1)      // B: B = 1, T = 1 -> t = 1, D hop 2
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 1, "C", 3, "D", 2));
            assertThat(r.path("B")).containsExactly("5:0 S>B");
            assertThat(r.path("C")).containsExactly("1:0 S>A", "2:0 A>B", "3:0 B>C");
            assertExact(r.received("B"), 101);
            assertExact(r.received("C"), 100);
            assertExact(r.received("D"), 1);
        }

        @Test
        void representativePathIsFewestHopsThenEarliestArrivalAtThatHop() {
            var r = new LedgerFixture().seeds("S", "S2")
                    .tx(1, 0, "S", "A", 1)
                    .tx(2, 0, "A", "C", 1)      // C at hop 2, arrival 2:0
                    .tx(3, 0, "S2", "B", 1)
                    .tx(4, 0, "B", "C", 1)      // C at hop 2 again, later
                    .tx(9, 0, "S2", "D", 1)
                    .tx(7, 0, "S", "D", 1)      // D at hop 1 twice: earliest is 7:0 from S
                    .tx(8, 0, "C", "E", 1)      // E hop 3; C's best hop-2 arrival (2:0) is the one on the path
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 1, "C", 2, "D", 1, "E", 3));
            assertThat(r.path("C")).containsExactly("1:0 S>A", "2:0 A>C");
            assertThat(r.path("D")).containsExactly("7:0 S>D");
            assertThat(r.flow("D", Direction.FORWARD).seed()).isEqualTo(addr("S"));
            assertThat(r.path("E")).containsExactly("1:0 S>A", "2:0 A>C", "8:0 C>E");
        }

        @Test
        void seedsAreNeverIntermediateAddresses() {
            var r = new LedgerFixture().seeds("S", "S2")
                    .tx(1, 0, "S", "A", 10)
                    .tx(2, 0, "A", "S2", 10)
                    .tx(3, 0, "S2", "B", 10)    // B is a hop-1 counterparty of S2, not hop 3 of S
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "B", 1));
            assertThat(r.flow("B", Direction.FORWARD).seed()).isEqualTo(addr("S2"));
        }
    }

    @Nested
    class Dust {

        @Test
        void transfersBelowDustAreIgnoredInReachAndHaircut() {
            var r = graph().dust(ETH, 10)
                    .tx(1, 0, "S", "A", 100)    // A: B = 100, T = 100
                    .tx(1, 1, "X", "A", 9)      // dust: ignored (would make B = 109)
                    .tx(2, 0, "A", "B", 5)      // dust: B not reached, A's balance unchanged
                    .tx(3, 0, "A", "C", 50)     // t = 50*100/100 = 50
                    .tx(4, 0, "A", "D", 10)     // exactly the dust limit: kept, t = 10*50/50 = 10
                    .trace();
            assertThat(r.hops()).isEqualTo(Map.of("A", 1, "C", 2, "D", 2));
            assertExact(r.received("C"), 50);
            assertExact(r.received("D"), 10);
        }

        @Test
        void dustIsPerAsset() {
            var r = graph().dust(ETH, 10).dust(TOKEN, 1000)
                    .tx(1, 0, "S", "A", 5)              // below ETH dust
                    .tx(1, 1, "S", "C", 10)
                    .token(TOKEN, 1, 2, "S", "B", 5)    // below token dust
                    .token(TOKEN, 1, 3, "S", "D", 1000)
                    .trace();
            assertThat(r.hops(ETH, Direction.FORWARD)).isEqualTo(Map.of("C", 1));
            assertThat(r.hops(TOKEN, Direction.FORWARD)).isEqualTo(Map.of("D", 1));
        }

        @Test
        void dustOnAnotherAssetDoesNotFilterThisOne() {
            var r = graph().dust(TOKEN, 1000)
                    .tx(1, 0, "S", "A", 5)
                    .token(TOKEN, 1, 0, "S", "B", 5)
                    .trace();
            assertThat(r.hops(ETH, Direction.FORWARD)).isEqualTo(Map.of("A", 1));
            assertThat(r.hops(TOKEN, Direction.FORWARD)).isEmpty();
        }
    }

    @Nested
    class Assets {

        @Test
        void assetsAreTracedSeparately() {
            var r = graph()
                    .tx(1, 0, "S", "A", 100)                // ETH to A
                    .token(TOKEN, 2, 0, "A", "B", 100)      // A moves a token: not ETH taint
                    .token(TOKEN, 1, 1, "S", "C", 10)       // the seed's own token transfer
                    .tx(3, 0, "C", "D", 10)                 // C moves ETH: C holds no ETH taint
                    .trace();
            assertThat(r.hops(ETH, Direction.FORWARD)).isEqualTo(Map.of("A", 1));
            assertThat(r.hops(TOKEN, Direction.FORWARD)).isEqualTo(Map.of("C", 1));
            assertExact(r.received(ETH, "A"), 100);
            assertExact(r.received(ETH, "B"), 0);
            assertExact(r.received(ETH, "D"), 0);
            assertExact(r.received(TOKEN, "C"), 10);
            assertExact(r.received(TOKEN, "B"), 0);
        }

        @Test
        void tokenOrderIsItsOwnLogIndexOrder() {
            var r = graph()
                    .token(TOKEN, 5, 3, "S", "A", 100)
                    .token(TOKEN, 5, 2, "A", "B", 100)      // earlier log in the same block: not reached
                    .token(TOKEN, 5, 4, "A", "C", 25)       // t = 25
                    .trace();
            assertThat(r.asset(ETH)).isNull();
            assertThat(r.hops(TOKEN, Direction.FORWARD)).isEqualTo(Map.of("A", 1, "C", 2));
            assertExact(r.received(TOKEN, "C"), 25);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void theSameTransferAddedTwiceCountsOnce() {
            LedgerFixture f = graph()
                    .tx(1, 0, "S", "A", 100)
                    .tx(1, 1, "C", "A", 100)
                    .tx(2, 0, "A", "B", 100)
                    .tx(3, 0, "A", "S", 7);
            List<Transfer> once = List.copyOf(f.transfers());
            once.forEach(f::add);                       // every transfer loaded a second time
            var r = f.trace();
            // A: B = 200 (not 400), T = 100 -> A -> B: t = 100*100/200 = 50
            assertThat(r.eth().graph().edgeCount()).isEqualTo(4);
            assertExact(r.received("A"), 100);
            assertExact(r.received("B"), 50);
            // A: B = 100, T = 50 -> A -> S 7: t = floor(7*50/100) = 3, returned to the seed
            assertExact(r.returnedToSeeds(), 3);
            assertThat(r.backAmount("A")).isEqualTo(BigInteger.valueOf(7));
        }

        @Test
        void duplicatesAddedOutOfOrderStillCountOnce() {
            var f = graph();
            f.tx(2, 0, "A", "B", 100).tx(1, 1, "C", "A", 100).tx(1, 0, "S", "A", 100);
            f.add(f.transfers().get(2)).add(f.transfers().get(0)).add(f.transfers().get(1));
            var r = f.trace();
            assertExact(r.received("B"), 50);
        }
    }

    @Nested
    class BigAmounts {

        private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

        @Test
        void uint256MaxAmountsAreExactInBalances() {
            // A: B = MAX + 1 = 2^256, T = MAX. A -> B moves MAX:
            //   t = floor(MAX * MAX / 2^256) = floor(2^256 - 2 + 2^-256) = MAX - 1, so T_A = 1, B_A = 1.
            // A -> D moves 1: y >= B, t = T = 1.
            var r = graph()
                    .tx(1, 0, "S", "A", UINT256_MAX)
                    .tx(1, 1, "C", "A", BigInteger.ONE)
                    .tx(2, 0, "A", "B", UINT256_MAX)
                    .tx(3, 0, "A", "D", BigInteger.ONE)
                    .trace();
            assertExact(r.received("A"), UINT256_MAX);
            assertExact(r.received("B"), UINT256_MAX.subtract(BigInteger.ONE));
            assertExact(r.received("D"), 1);
            assertThat(r.flow("B", Direction.FORWARD).path()).extracting(FlowStep::amountRaw)
                    .containsExactly(UINT256_MAX, UINT256_MAX);
        }

        @Test
        void anAddressThatSpendsExactlyItsLargeBalanceEndsAtZero() {
            // B_A = (2^63 + 5) + (2^63 - 5) = 2^64 exactly, T = 2^63 + 5; A -> B 2^64: t = T, B_A = 0, T = 0.
            // Then 10 clean in and 10 out: t = 0.
            var r = graph()
                    .tx(1, 0, "S", "A", TWO_63.add(BigInteger.valueOf(5)))
                    .tx(1, 1, "C", "A", TWO_63.subtract(BigInteger.valueOf(5)))
                    .tx(2, 0, "A", "B", TWO_63.shiftLeft(1))
                    .tx(3, 0, "C", "A", BigInteger.TEN)
                    .tx(4, 0, "A", "D", BigInteger.TEN)
                    .trace();
            assertExact(r.received("B"), TWO_63.add(BigInteger.valueOf(5)));
            assertExact(r.received("D"), 0);
        }

        @Test
        void shareCloseToOneKeepsTheRemainingTaint() {
            // Small (long) amounts whose share y/B rounds to 1.0 in a double: B_A = 2^60 + 1, T = 2^60.
            // A -> B 2^60: t = floor(2^60 * 2^60 / (2^60 + 1)) = 2^60 - 1 (the product needs 120 bits),
            // leaving T_A = 1, B_A = 1. A -> D 1: t = T = 1 (not 0).
            long p = 1L << 60;
            var r = graph()
                    .tx(1, 0, "S", "A", p)
                    .tx(1, 1, "C", "A", 1)
                    .tx(2, 0, "A", "B", p)
                    .tx(3, 0, "A", "D", 1)
                    .trace();
            assertExact(r.received("B"), p - 1);
            assertExact(r.received("D"), 1);
            assertExact(r.leftHorizon(), 0);
        }

        @Test
        void aWideProductIsDividedExactly() {
            // B_A = 5*2^64 + 8 (above 2^64), T = 3*2^64 + 7; A -> B 2^64 + 3:
            // t = floor((2^64 + 3)(3*2^64 + 7) / (5*2^64 + 8)) = 11068046444225730971 (a double share y/B times T gives 11068046444225732608)
            BigInteger two64 = BigInteger.ONE.shiftLeft(64);
            var r = graph()
                    .tx(1, 0, "S", "A", two64.multiply(BigInteger.valueOf(3)).add(BigInteger.valueOf(7)))
                    .tx(1, 1, "C", "A", two64.shiftLeft(1).add(BigInteger.ONE))
                    .tx(2, 0, "A", "B", two64.add(BigInteger.valueOf(3)))
                    .trace();
            assertExact(r.received("B"), new BigInteger("11068046444225730971"));
        }

        @Test
        void aTransferAboveALargeBalanceTakesAllItsTaint() {
            // B_A = 2^100 + 2^64, T = 2^100; A -> B 2^101 > B: t = T, B_A = 0, T_A = 0. Then clean 5 in, 5 out: t = 0.
            BigInteger two100 = BigInteger.ONE.shiftLeft(100);
            var r = graph()
                    .tx(1, 0, "S", "A", two100)
                    .tx(1, 1, "C", "A", BigInteger.ONE.shiftLeft(64))
                    .tx(2, 0, "A", "B", two100.shiftLeft(1))
                    .tx(3, 0, "C", "A", BigInteger.valueOf(5))
                    .tx(4, 0, "A", "D", BigInteger.valueOf(5))
                    .trace();
            assertExact(r.received("B"), two100);
            assertExact(r.received("D"), 0);
        }

        @Test
        void aBalanceThatCrossesTwoToThe127AndComesBack() {
            // B_A = (2^127 - 1) + 1 = 2^127 (past the 128-bit longs), T = 2^127 - 1. A -> B 2^126:
            // t = floor(2^126 (2^127 - 1) / 2^127) = 2^126 - 1; T_A = 2^126, B_A = 2^126. A -> D 1: t = 1.
            BigInteger two127 = BigInteger.ONE.shiftLeft(127), two126 = BigInteger.ONE.shiftLeft(126);
            var r = graph()
                    .tx(1, 0, "S", "A", two127.subtract(BigInteger.ONE))
                    .tx(1, 1, "C", "A", BigInteger.ONE)
                    .tx(2, 0, "A", "B", two126)
                    .tx(3, 0, "A", "D", BigInteger.ONE)
                    .trace();
            assertExact(r.received("A"), two127.subtract(BigInteger.ONE));
            assertExact(r.received("B"), two126.subtract(BigInteger.ONE));
            assertExact(r.received("D"), 1);
        }

        @Test
        void backwardAmountsAboveTwoToThe63AreExact() {
            var r = graph()
                    .tx(1, 0, "A", "S", UINT256_MAX)
                    .tx(2, 0, "A", "S", UINT256_MAX)
                    .tx(3, 0, "A", "S", TWO_63)
                    .trace();
            assertThat(r.backAmount("A")).isEqualTo(UINT256_MAX.shiftLeft(1).add(TWO_63));
        }
    }

    @Nested
    class Backward {

        /**
         * <pre>
         *   A -> S 3 (0:0), C -> B 30 (2:0), B -> A 20 (3:0), D -> B 4 (4:0), A -> S 10 (5:0), B -> A 7 (6:0),
         *   E -> S 1 (7:0), X(service) -> A 5 (4:5), Y -> X 2 (1:0)
         * </pre>
         * A hop 1, latest departure 5:0. B hop 2 (B -> A 3:0 is before 5:0; B -> A 6:0 is not), latest departure
         * 3:0. C hop 3 (2:0 before 3:0). D -> B 4:0 is after B's departure: D not reached. X hop 2, not expanded.
         */
        private LedgerFixture.Result trace() {
            return graph().services("X")
                    .tx(0, 0, "A", "S", 3)
                    .tx(2, 0, "C", "B", 30)
                    .tx(3, 0, "B", "A", 20)
                    .tx(4, 0, "D", "B", 4)
                    .tx(5, 0, "A", "S", 10)
                    .tx(6, 0, "B", "A", 7)
                    .tx(7, 0, "E", "S", 1)
                    .tx(4, 5, "X", "A", 5)
                    .tx(1, 0, "Y", "X", 2)
                    .trace();
        }

        @Test
        void fundingSourcesAndHops() {
            assertThat(trace().backHops()).isEqualTo(Map.of("A", 1, "B", 2, "C", 3, "E", 1, "X", 2));
        }

        @Test
        void backwardAmounts() {
            var r = trace();
            assertThat(r.backAmount("A")).isEqualTo(BigInteger.valueOf(13));   // 3 + 10, everything sent to seeds
            assertThat(r.backAmount("E")).isEqualTo(BigInteger.ONE);
            assertThat(r.backAmount("B")).isEqualTo(BigInteger.valueOf(20));   // 3:0 only; 6:0 is after A's 5:0
            assertThat(r.backAmount("C")).isEqualTo(BigInteger.valueOf(30));
            assertThat(r.backAmount("X")).isEqualTo(BigInteger.valueOf(5));
            assertThat(r.backAmount("D")).isNull();
            assertThat(r.backAmount("Y")).isNull();
        }

        @Test
        void representativeBackwardPathIsLatestDepartureInMoneyOrder() {
            var r = trace();
            assertThat(r.path("A", Direction.BACKWARD)).containsExactly("5:0 A>S");
            assertThat(r.path("C", Direction.BACKWARD)).containsExactly("2:0 C>B", "3:0 B>A", "5:0 A>S");
            Flow f = r.flow("C", Direction.BACKWARD);
            assertThat(f.seed()).isEqualTo(addr("S"));
            assertThat(f.hops()).isEqualTo(3);
            assertThat(f.taintedAmountRaw()).isEqualTo(BigInteger.valueOf(30));
            assertThat(f.path()).allSatisfy(s -> assertThat(s.taintCarriedRaw()).isNull());
        }

        @Test
        void backwardHorizon() {
            var r = graph().maxHops(2)
                    .tx(1, 0, "C", "B", 1)
                    .tx(2, 0, "B", "A", 1)
                    .tx(3, 0, "A", "S", 1)
                    .trace();
            assertThat(r.backHops()).isEqualTo(Map.of("A", 1, "B", 2));
        }

        @Test
        void backwardHopIsSmallestAndLatestDepartureOverAnyLength() {
            // B pays the seed early (hop 1) and pays A late, A paying the seed later still (hop 2, later
            // departure). C paid B in between: after B's hop-1 departure but before its hop-2 departure -> hop 3.
            var r = graph()
                    .tx(1, 0, "B", "S", 5)
                    .tx(2, 0, "C", "B", 6)
                    .tx(3, 0, "B", "A", 7)
                    .tx(4, 0, "A", "S", 8)
                    .trace();
            assertThat(r.backHops()).isEqualTo(Map.of("A", 1, "B", 1, "C", 3));
            assertThat(r.path("C", Direction.BACKWARD)).containsExactly("2:0 C>B", "3:0 B>A", "4:0 A>S");
            // B at hop 1: everything it sent to seeds. C at hop 3: what it sent to addresses at level 2 before
            // their latest departure at that level; B is at level 2 too (B -> A -> S, departing 3:0), so
            // C -> B 2:0 counts: it starts C's shortest chain. (B's smallest hop being 1 does not matter.)
            assertThat(r.backAmount("B")).isEqualTo(BigInteger.valueOf(5));
            assertThat(r.backAmount("C")).isEqualTo(BigInteger.valueOf(6));
        }

        @Test
        void internalCallsAreOrderedInBackwardTraceToo() {
            var r = graph()
                    .tx(10, 5, "A", "S", 1)
                    .internal(10, 5, 1, "B", "A", 1)   // after A's departure: not a funding source
                    .internal(10, 4, 2, "C", "A", 1)   // before: hop 2
                    .trace();
            assertThat(r.backHops()).isEqualTo(Map.of("A", 1, "C", 2));
        }
    }

    @Test
    void kindsAreWhatTheFixtureSays() {
        var f = new LedgerFixture().tx(1, 0, "S", "A", 1).internal(1, 0, 1, "A", "B", 1)
                .reverted(1, 1, "A", "C", 1).token(TOKEN, 1, 0, "S", "A", 1);
        assertThat(f.transfers()).extracting(Transfer::kind).containsExactly(TransferKind.NATIVE,
                TransferKind.INTERNAL, TransferKind.REVERTED, TransferKind.TOKEN);
        assertThat(f.ledger().size()).isEqualTo(4);
    }
}
