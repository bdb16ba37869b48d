#!/usr/bin/env python3
"""Unit tests of reference_utxo_trace.py on hand-made micro exports (stdlib unittest).

    python3 -m unittest sample-data/tools/test_reference_utxo_trace.py      (from the repository root)
    python3 sample-data/tools/test_reference_utxo_trace.py
"""

import gzip
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_utxo_trace as rt  # noqa: E402

# real, valid addresses used as plain holders in the micro exports
SEED = "1AeSq93WDNdLoEJ92sex7T8xQZoYYm8BtS"
W = "1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3"
H1 = "1DYFJ6CuBvrxyoQSuBzVsNcetY9tvdsrag"
H2 = "15Pt4NwZaUmMUwS2bQbyyncc7mzgWShtv8"
A = ["1PhqQpaGCrqSxQ6QDXcv14QCd1U98Zp34E", "13YBQr2Cp1YY3xqq2qngaPb7ca1o4ugeq6", "1KgudqxMfYaGzqAA7MS4DcsqejtMteqhix",
     "1FRyL9gmFGbzfYDAB4iY9836DJe3KSnjP9", "1DbShx4r8i2XesthoDBf5EkYWz5dsKEusV", "1AoxtfiBQ22DvbhqAN9Ctb8sULMRhrdwTr"]
P = {"max_hops": 4, "indirect": {"BTC": 2000000}, "struct": {"BTC": 100000000}, "rapid": 3600,
     "struct_window": 86400, "struct_min": 3}


def txid(n):
    return "%064x" % n


def out(addr, value):
    return {"index": None, "type": "pubkeyhash", "addresses": [addr] if addr else [], "value": value}


def inp(tx, vout, addr=None, value=None):
    return {"spent_transaction_hash": tx, "spent_output_index": vout, "addresses": [addr] if addr else [], "value": value}


def row(n, block, index, inputs, outputs, coinbase=False, time=None):
    outs = []
    for k, o in enumerate(outputs):
        o = dict(o)
        o["index"] = k
        outs.append(o)
    return {"hash": txid(n), "block_number": block, "block_timestamp": time if time is not None else 1598000000 + block * 600,
            "index": index, "is_coinbase": coinbase, "inputs": inputs, "outputs": outs}


class Export:
    def __init__(self, chain="bitcoin"):
        self.chain = chain
        self.dir = tempfile.mkdtemp()
        self.lines = []

    def add(self, r):
        self.lines.append(r if isinstance(r, str) else json.dumps(r))
        return self

    def load(self, name="enriched_transactions.json"):
        with open(os.path.join(self.dir, name), "w") as f:
            f.write("\n".join(self.lines) + "\n")
        return rt.load_chain(self.chain, self.dir)


def trace(ch, seeds, services=()):
    coins = rt.build_coins(ch, set(seeds))
    acct = rt.forward(ch, coins, set(seeds), set(services), 4, 0)
    return coins, acct, rt.reached(coins, set(seeds)), rt.backward(ch, coins, set(seeds), set(services), 4)


class WorkedExample(unittest.TestCase):
    def test_shares_and_fee(self):
        # utxo.md: a seed's 12,345,678 sat and a clean 87,654,322 sat pay 70,000,000 and 29,990,000 (fee 10,000)
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 12345678), inp(txid(91), 1, W, 87654322)],
                             [out(H1, 70000000), out(H2, 29990000)]))
        ch = e.load()
        coins, acct, fwd, _ = trace(ch, {SEED})
        self.assertEqual(fwd[H1][1], 8641974)
        self.assertEqual(fwd[H2][1], 3702468)
        self.assertEqual(acct["fees"], 1236)
        self.assertEqual(fwd[H1][0], 1)
        self.assertEqual(fwd[H1][2].outpoint, txid(1) + ":0")
        # the co-spend links the seed and W
        cl = rt.clusters(ch, {SEED})
        self.assertEqual(cl[0][2], sorted([SEED, W]))
        self.assertEqual(cl[0][3], [txid(1)])

    def test_unresolved_input_bounds_the_shares(self):
        # a tainted coin of 60 and an unresolved input pay 70 + 30: D is the output total, 100
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 60)], [out(W, 60)]))
        e.add(row(2, 101, 1, [inp(txid(1), 0), inp(txid(92), 0)], [out(H1, 70), out(H2, 30)]))
        ch = e.load("transactions.json")
        coins, acct, fwd, _ = trace(ch, {SEED})
        self.assertEqual(fwd[H1], (2, 42, fwd[H1][2]))
        self.assertEqual(fwd[H2][1], 18)

    def test_coins_not_balances(self):
        # W holds a clean coin; the seed pays W; W then spends its clean coin to H1: H1 is not reached
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 5000)], [out(W, 4000)]))
        e.add(row(2, 101, 1, [inp(txid(91), 0, W, 9000)], [out(H1, 8000)]))
        coins, acct, fwd, _ = trace(e.load(), {SEED})
        self.assertIn(W, fwd)
        self.assertNotIn(H1, fwd)

    def test_service_keeps_taint_and_horizon(self):
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(A[0], 1000)]))
        e.add(row(2, 101, 1, [inp(txid(1), 0)], [out(A[1], 1000)]))
        coins, acct, fwd, _ = trace(e.load(), {SEED}, services={A[0]})
        self.assertIn(A[0], fwd)
        self.assertNotIn(A[1], fwd)
        # a chain of five hops: the fifth leaves the horizon
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(A[0], 1000)]))
        for k in range(1, 5):
            e.add(row(1 + k, 100 + k, 1, [inp(txid(k), 0)], [out(A[k], 1000)]))
        coins, acct, fwd, _ = trace(e.load(), {SEED})
        self.assertEqual(sorted(fwd[a][0] for a in A[:4]), [1, 2, 3, 4])
        self.assertNotIn(A[4], fwd)
        self.assertEqual(acct["horizon"], 1000)

    def test_backward_stops_at_services(self):
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, A[0], 5000)], [out(A[1], 4000)]))
        e.add(row(2, 101, 1, [inp(txid(1), 0)], [out(SEED, 3000)]))
        _, _, _, bwd = trace(e.load(), {SEED}, services={A[1]})
        self.assertEqual(bwd[A[1]][0], 1)
        self.assertNotIn(A[0], bwd)
        _, _, _, bwd = trace(e.load(), {SEED})
        self.assertEqual(bwd[A[0]][:2], (2, 5000))


class CoinJoinRule(unittest.TestCase):
    def tx(self, inputs, values):
        t = rt.Row()
        t.inputs = [{}] * len(inputs)
        t.outputs = [(v, None) for v in values]
        t.in_coins = [rt.Coin(("outside", (txid(i), 0)), 1, h, None, 0) for i, h in enumerate(inputs)]
        return t

    def test_shaped(self):
        self.assertTrue(rt.coinjoin_shaped(self.tx(A[:3], [10, 10, 10, 7, 4])))          # p = 3
        self.assertTrue(rt.coinjoin_shaped(self.tx(A[:5], [10] * 5 + [1, 2, 3, 4, 5])))  # p = 5

    def test_near_misses(self):
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:1], [10, 10, 10])))              # one input
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:2], [10, 10])))                  # two outputs
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:2], [10, 10, 10, 1, 2])))        # p = 3 > 2 inputs
        self.assertFalse(rt.coinjoin_shaped(self.tx([A[0], A[0], A[0]], [10, 10, 10, 1, 2])))  # 1 distinct holder
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:3], [10, 10, 10, 10, 2])))       # 4 equal, p = 3
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:3], [546, 546, 546, 7, 4])))     # dust value
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:3], [2730, 2730, 2730, 7, 4])))  # dust value
        # a tie: 546 x3 and 900 x3 (p = 3): the smallest value, 546, is taken, and it is dust
        self.assertFalse(rt.coinjoin_shaped(self.tx(A[:3], [546, 546, 546, 900, 900, 900])))
        self.assertTrue(rt.coinjoin_shaped(self.tx(A[:3], [900, 900, 900, 1000, 1000, 1000])))

    def test_excluded_from_clustering_and_flagged(self):
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000), inp(txid(91), 0, A[0], 1000),
                                         inp(txid(92), 0, A[1], 1000)],
                             [out(A[2], 900), out(A[3], 900), out(A[4], 900), out(A[0], 50), out(A[1], 50)]))
        ch = e.load()
        coins, acct, fwd, bwd = trace(ch, {SEED})
        cl = rt.clusters(ch, {SEED})
        self.assertEqual(cl[0][2], [SEED])
        self.assertEqual(cl[0][4], [txid(1)])
        flags = rt.flags_for(ch, coins, {SEED}, set(), {}, fwd, bwd, P)
        self.assertEqual(flags[("COINJOIN_INTERACTION", "bitcoin", "BTC", SEED)], {txid(1)})


class PeelChain(unittest.TestCase):
    def export(self, small=10, steps=3, fresh=True):
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(A[0], 1000)]))
        holder = A[0]
        value = 1000
        for k in range(steps):
            change = [H1, H2, W, A[5]][k]
            e.add(row(2 + k, 101 + k, 1, [inp(txid(1 + k), 0 if k == 0 else 1)],
                      [out(A[1 + k], small), out(change, value - small - 1)]))
            value = value - small - 1
        if not fresh:
            e.add(row(50, 99, 1, [inp(txid(93), 0, A[4], 10)], [out(H1, 9)]))
        return e.load()

    def flags(self, ch):
        coins, acct, fwd, bwd = trace(ch, {SEED})
        return rt.flags_for(ch, coins, {SEED}, set(), {}, fwd, bwd, P)

    def test_three_steps(self):
        f = self.flags(self.export())
        self.assertEqual(f[("PEEL_CHAIN", "bitcoin", "BTC", H1)], {txid(2), txid(3), txid(4)})

    def test_near_misses(self):
        self.assertNotIn(("PEEL_CHAIN", "bitcoin", "BTC", H1), self.flags(self.export(steps=2)))
        # the smaller output above 10 %: 10 * 101 > 1000 - 1
        self.assertNotIn(("PEEL_CHAIN", "bitcoin", "BTC", H1), self.flags(self.export(small=101)))
        # H1 held a coin before: its change is not fresh, so the first step is not a step (chain of 2)
        f = self.flags(self.export(fresh=False))
        self.assertFalse([k for k in f if k[0] == "PEEL_CHAIN"])

    def test_step_boundary(self):
        # exactly 10 %: 10 * small == small + large is still a step (no fee, so the split is exact)
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(A[0], 1000)]))
        e.add(row(2, 101, 1, [inp(txid(1), 0)], [out(A[1], 100), out(H1, 900)]))
        e.add(row(3, 102, 1, [inp(txid(2), 1)], [out(A[2], 90), out(H2, 810)]))
        e.add(row(4, 103, 1, [inp(txid(3), 1)], [out(A[3], 81), out(W, 729)]))
        self.assertEqual(self.flags(e.load())[("PEEL_CHAIN", "bitcoin", "BTC", H1)], {txid(2), txid(3), txid(4)})
        # the first split one unit over 10 %: no longer a step, and two steps are not a chain
        e = Export().add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(A[0], 1000)]))
        e.add(row(2, 101, 1, [inp(txid(1), 0)], [out(A[1], 101), out(H1, 899)]))
        e.add(row(3, 102, 1, [inp(txid(2), 1)], [out(A[2], 89), out(H2, 810)]))
        e.add(row(4, 103, 1, [inp(txid(3), 1)], [out(A[3], 81), out(W, 729)]))
        self.assertFalse([k for k in self.flags(e.load()) if k[0] == "PEEL_CHAIN"])


class Loading(unittest.TestCase):
    def test_bad_rows(self):
        e = Export()
        e.add(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(W, 900)]))
        e.add("{not json")
        e.add(row(2, 100, 2, [inp(txid(91), 0, SEED, 1000)], [out(W, -5)]))
        e.add(row(3, 101, 1, [inp(txid(1), 0)], [out(H1, 800)]))
        e.add(row(4, 102, 1, [inp(txid(1), 0)], [out(H2, 800)]))                       # double spend
        e.add(row(5, 102, 2, [inp(txid(1), 3)], [out(H2, 1)]))                         # no output 3
        e.add(row(6, 102, 3, [inp(txid(92), 0, SEED, 10)], [out(H2, 11)]))             # outputs exceed inputs
        e.add(row(7, 102, 4, [inp(txid(3), 0, H1, 799)], [out(H2, 1)]))                # stated value disagrees
        r = dict(row(8, 102, 5, [inp(txid(93), 0, SEED, 10)], [out(H2, 9)]), is_coinbase="yes")
        e.add(r)
        r = dict(row(9, 102, 6, [inp(txid(94), 0, SEED, 10)], [out(H2, 9)]), output_count=2)
        e.add(r)
        e.add(row(10, 102, 7, [], [out(H2, 9)]))                                       # no inputs
        e.add(row(1, 100, 3, [inp(txid(95), 0, SEED, 10)], [out(H2, 9)]))             # same txid, same block
        ch = e.load()
        self.assertEqual([t.txid for t in ch.txs], [txid(1), txid(3)])
        self.assertEqual([ln for _, ln, _ in ch.rejected], [2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        self.assertTrue(all(f == "enriched_transactions.json" for f, _, _ in ch.rejected))

    def test_file_rules(self):
        d = tempfile.mkdtemp()
        os.makedirs(os.path.join(d, "p"))
        good = json.dumps(row(1, 100, 1, [inp(txid(90), 0, SEED, 1000)], [out(W, 900)]))
        for name in ("p/transactions_1.json", "p/enriched_transactions_1.json"):
            with open(os.path.join(d, name), "w") as f:
                f.write(good + "\n")
        with gzip.open(os.path.join(d, "transactions-0001.json.gz"), "wt") as f:
            f.write(json.dumps(row(2, 101, None, [inp(txid(1), 0)], [out(H1, 800)])) + "\n\n")
        with open(os.path.join(d, "stream.json"), "w") as f:
            f.write(json.dumps({"type": "block", "number": 101, "timestamp": 1598060600}) + "\n")
            f.write(json.dumps({"note": "no type: ignored"}) + "\n")
        with open(os.path.join(d, "notes.txt"), "w") as f:
            f.write("ignored\n")
        ch = rt.load_chain("bitcoin", d)
        self.assertEqual(len(ch.txs), 2)
        self.assertEqual(ch.rejected, [])
        self.assertEqual(ch.blocks, {101: 1598060600})

    def test_bigquery_strings_and_cashaddr(self):
        bsv_legacy = "1AKctVyGvpY4fZZwCTJPte45ns7Q5F7w2r"
        cash = "bitcoincash:qpnrayau0ax6qcwlxhdzp8kze5gfjwlznygdmdpwjv"
        self.assertEqual(rt.canonical("bitcoinsv", cash), bsv_legacy)
        self.assertEqual(rt.canonical("bitcoinsv", cash.split(":")[1]), bsv_legacy)
        self.assertEqual(rt.canonical("bitcoin", cash), cash)
        e = Export("bitcoinsv")
        r = row(1, 100, None, [inp(txid(90), 0, SEED, 1000)], [out(cash, 900)])
        r["block_number"] = "100"
        r["block_timestamp"] = "2020-08-12 09:00:00 UTC"
        r["outputs"][0]["value"] = "900"
        r["outputs"][0]["index"] = "0"
        r["inputs"][0]["value"] = "1000"
        e.add(r)
        e.add(row(2, 101, None, [inp(txid(1), 0, cash.split(":")[1], 900)], [out(W, 800)]))
        ch = e.load()
        self.assertEqual(ch.rejected, [])
        self.assertEqual(ch.txs[0].time, 1597222800)
        self.assertEqual(ch.txs[0].outputs[0], (900, bsv_legacy))

    def test_order_positions_without_index(self):
        # no index: positions are the file order; a child may come before its parent in the block
        e = Export()
        e.add(row(2, 100, None, [inp(txid(1), 0)], [out(H1, 800)]))
        e.add(row(1, 100, None, [inp(txid(90), 0, SEED, 1000)], [out(W, 900)]))
        ch = e.load()
        self.assertEqual(ch.rejected, [])
        self.assertEqual([(t.txid, t.pos) for t in ch.txs], [(txid(2), 0), (txid(1), 1)])
        coins, acct, fwd, _ = trace(ch, {SEED})
        self.assertEqual(fwd[H1][0], 2)


class AddressForms(unittest.TestCase):
    def test_designated_addresses_are_valid(self):
        import csv
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "utxo-seeds.csv")) as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 20)
        for r in rows:
            data = rt.base58check_decode(r["address"])
            self.assertIsNotNone(data, r["address"])
            self.assertIn(data[:-20], rt.CHAINS[r["chain"]][1], r)


if __name__ == "__main__":
    unittest.main()
