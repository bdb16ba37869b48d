#!/usr/bin/env python3
"""Unit tests of reference_trace.py on hand-made micro exports (stdlib unittest).

    python3 sample-data/tools/test_reference_trace.py
"""

import csv
import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_trace as rt  # noqa: E402

E = 10 ** 18
USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7"
NFT = "0x00000000000000000000000000000000000000f7"


def a(n):
    """A readable made-up address: a(1) == 0x000...0001."""
    return "0x%040x" % n


S1, S2 = a(0x51), a(0x52)          # seeds
EXCH, MIX = a(0xe1), a(0xe2)        # labelled
LAZ = a(0xbad)


class Export:
    """Builds a tiny ethereum-etl folder: add transactions, traces, token transfers; write()."""

    def __init__(self):
        self.txs, self.traces, self.tts = [], [], []

    def tx(self, block, idx, frm, to, value, status=1, internal=(), tokens=()):
        h = "0x%064x" % (len(self.txs) + 1)
        self.txs.append((h, block, idx, frm, to, value, status))
        self.traces.append((block, h, idx, frm, to, value, "call", "", status, ""))
        for path, f, t, v, call_type, st in internal:
            self.traces.append((block, h, idx, f, t, v, call_type, ",".join(map(str, path)), st, ""))
        for j, (token, f, t, v) in enumerate(tokens):
            self.tts.append((token, f, t, v, h, idx * 4 + j, block))
        return h

    def write(self, folder, receipts=True):
        blocks = sorted({t[1] for t in self.txs})

        def w(name, header, rows):
            with open(os.path.join(folder, name), "w", newline="") as f:
                c = csv.writer(f, lineterminator="\n")
                c.writerow(header)
                c.writerows(rows)

        w("blocks.csv", ["number", "timestamp"], [(b, 1600000000 + b * 60) for b in blocks])  # 1 block per minute
        w("transactions.csv", ["hash", "block_number", "transaction_index", "from_address", "to_address", "value"],
          [(h, b, i, f, t, v) for h, b, i, f, t, v, s in self.txs])
        if receipts:
            w("receipts.csv", ["transaction_hash", "status"], [(h, s) for h, b, i, f, t, v, s in self.txs])
        w("traces.csv", ["block_number", "transaction_hash", "transaction_index", "from_address", "to_address",
                         "value", "trace_type", "call_type", "trace_address", "status", "error"],
          [(b, h, i, f, t, v, "call", ct, ta, st, er) for b, h, i, f, t, v, ct, ta, st, er in self.traces])
        w("token_transfers.csv", ["token_address", "from_address", "to_address", "value", "transaction_hash",
                                  "log_index", "block_number"], self.tts)
        w("tokens.csv", ["address", "symbol", "name", "decimals", "total_supply", "block_number"],
          [(USDT, "USDT", "Tether USD", 6, 1, 1), (NFT, "NFT", "Cards", "", 1, 1)])
        w("contracts.csv", ["address", "bytecode", "function_sighashes", "is_erc20", "is_erc721", "block_number"],
          [(NFT, "0x", "", "False", "True", 1)])


def run(export, receipts=True, extra=()):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "src"), os.path.join(d, "out")
        os.makedirs(src)
        export.write(src, receipts)
        labels = os.path.join(d, "labels.csv")
        with open(labels, "w") as f:
            f.write("address,chain,label,category,source\n%s,ethereum,Ex,exchange,t\n%s,ethereum,Mx,mixer,t\n"
                    % (EXCH, MIX))
        args = [src, labels, "--seeds", "%s,%s" % (S1, S2), "--sanctioned", LAZ, "--out", out,
                "--indirect-min", "ETH=0.5,USDT=1000", "--structuring-threshold", "ETH=10,USDT=10000"] + list(extra)
        with redirect_stderr(io.StringIO()):
            rt.main(args)
        with open(os.path.join(out, "exposures.csv")) as f:
            exp = {(r["direction"], r["asset"], r["address"]): (int(r["hops"]), int(r["tainted_amount_raw"]))
                   for r in csv.DictReader(f)}
        with open(os.path.join(out, "flags.csv")) as f:
            flags = {(r["rule"], r["asset"], r["address"], int(r["hops"])) for r in csv.DictReader(f)}
        return exp, flags


class ReferenceTraceTest(unittest.TestCase):
    def test_root_trace_counted_once_and_internal_calls_ranked_depth_first(self):
        x = Export()
        fwd, cw, lib, out = a(1), a(2), a(3), a(4)
        x.tx(10, 0, S1, fwd, 5 * E, internal=[((0,), fwd, cw, 5 * E, "call", 1),
                                               ((0, 0), cw, lib, 5 * E, "delegatecall", 1),
                                               ((0, 1), cw, out, 5 * E, "call", 1)])
        exp, flags = run(x)
        self.assertEqual(exp[("forward", "ETH", fwd)], (1, 5 * E))
        self.assertEqual(exp[("forward", "ETH", cw)], (2, 5 * E))
        self.assertEqual(exp[("forward", "ETH", out)], (3, 5 * E))
        self.assertNotIn(("forward", "ETH", lib), exp)  # delegatecall moves no ETH
        self.assertIn(("RAPID_PASS_THROUGH", "ETH", fwd, 1), flags)

    def test_errored_subtree_and_reverted_tx_move_nothing(self):
        x = Export()
        fwd, c2, e1, rv = a(1), a(2), a(3), a(4)
        x.tx(10, 0, S1, fwd, 2 * E, internal=[((0,), fwd, c2, 2 * E, "call", 0), ((0, 0), c2, e1, 2 * E, "call", 0)])
        x.tx(11, 0, S1, rv, 5 * E, status=0)
        exp, flags = run(x)
        self.assertEqual(exp[("forward", "ETH", fwd)], (1, 2 * E))
        for v in (c2, e1, rv):
            self.assertNotIn(("forward", "ETH", v), exp)
        self.assertNotIn(("RAPID_PASS_THROUGH", "ETH", fwd, 1), flags)

    def test_missing_receipts_refused(self):
        x = Export()
        x.tx(10, 0, S1, a(1), E)
        with self.assertRaises(SystemExit):
            run(x, receipts=False)

    def test_erc721_is_not_value(self):
        x = Export()
        x.tx(10, 0, S1, NFT, 0, tokens=[(NFT, S1, a(1), 4321)])
        x.tx(11, 0, S1, USDT, 0, tokens=[(USDT, S1, a(2), 5 * 10 ** 6)])
        exp, _ = run(x)
        self.assertNotIn(("forward", NFT, a(1)), exp)
        self.assertEqual(exp[("forward", USDT, a(2))], (1, 5 * 10 ** 6))

    def test_haircut_dilution_and_threshold(self):
        x = Export()
        h1, h2, h3 = a(1), a(2), a(3)
        x.tx(10, 0, EXCH, h1, 90 * E)
        x.tx(11, 0, S1, h1, 10 * E)
        x.tx(200, 0, h1, h2, 4 * E)
        x.tx(300, 0, h1, h3, 30 * E)
        exp, flags = run(x)
        self.assertEqual(exp[("forward", "ETH", h2)], (2, 4 * E // 10))
        self.assertEqual(exp[("forward", "ETH", h3)], (2, 3 * E))
        self.assertNotIn(("INDIRECT_EXPOSURE", "ETH", h2, 2), flags)
        self.assertIn(("INDIRECT_EXPOSURE", "ETH", h3, 2), flags)

    def test_haircut_is_exact_integers_floor_of_the_exact_product(self):
        x = Export()
        p, q, r, z = a(1), a(2), a(3), a(4)
        x.tx(10, 0, EXCH, p, 2)                    # B = 2
        x.tx(11, 0, S1, p, 1)                      # B = 3, T = 1
        x.tx(12, 0, p, q, 1)                       # t = 1 * 1 // 3 = 0; B = 2, T = 1
        x.tx(13, 0, p, r, 7)                       # y >= B: t = min(1, 7 * 1 // 2) = 1; B = 0, T = 0
        big = 2 ** 200 + 12345                     # a uint256-sized amount: no 64- or 128-bit limit
        x.tx(20, 0, S2, z, big)
        x.tx(21, 0, EXCH, z, 3 * big)              # B = 4 big, T = big
        x.tx(22, 0, z, q, 2 * big + 1)             # t = (2 big + 1) * big // (4 big), exactly
        exp, _ = run(x)
        self.assertEqual(exp[("forward", "ETH", q)], (2, (2 * big + 1) * big // (4 * big)))
        self.assertEqual(exp[("forward", "ETH", r)], (2, 1))
        with open(os.path.join(self._export_out(x), "exposures.csv")) as f:
            raw = [row["tainted_amount_raw"] for row in csv.DictReader(f)]
        self.assertTrue(all(v.isdigit() for v in raw), raw)   # integer strings, never a fraction or exponent

    def test_same_block_earlier_index_is_not_tainted(self):
        x = Export()
        xa, y = a(1), a(2)
        x.tx(20, 41, xa, y, E)
        x.tx(20, 87, S1, xa, 6 * E)
        exp, _ = run(x)
        self.assertIn(("forward", "ETH", xa), exp)
        self.assertNotIn(("forward", "ETH", y), exp)

    def test_hop_is_shortest_first_arrival_is_earliest(self):
        x = Export()
        p, q, r, z = a(1), a(2), a(3), a(4)
        x.tx(10, 0, S1, p, 10 * E)
        x.tx(100, 0, p, q, 10 * E)
        x.tx(200, 0, q, z, 10 * E)     # hop 3, early
        x.tx(300, 0, S2, r, 10 * E)
        x.tx(400, 0, r, z, 10 * E)     # hop 2, later
        fhop, first = rt.forward_reach(rt.load_export(self._write(x))[0]["ETH"], {S1, S2}, set(), 4)
        self.assertEqual(fhop[z], 2)
        self.assertEqual(first[z], (200, 0, 0))

    def test_max_hops_horizon(self):
        x = Export()
        chain = [S1] + [a(i) for i in range(1, 7)]
        for i in range(6):
            x.tx(10 + i * 100, 0, chain[i], chain[i + 1], E)
        exp, _ = run(x)
        self.assertEqual(exp[("forward", "ETH", chain[4])][0], 4)
        self.assertNotIn(("forward", "ETH", chain[5]), exp)

    def test_backward_latest_departure_and_services(self):
        x = Export()
        f, g, late = a(1), a(2), a(3)
        x.tx(10, 0, EXCH, f, 5 * E)
        x.tx(20, 0, g, f, 3 * E)
        x.tx(30, 0, f, S1, 4 * E)
        x.tx(40, 0, late, f, 9 * E)    # after f's last departure: not a funding source
        x.tx(50, 0, LAZ, EXCH, 9 * E)  # exchange is not expanded
        exp, flags = run(x)
        self.assertEqual(exp[("backward", "ETH", f)], (1, 4 * E))
        self.assertEqual(exp[("backward", "ETH", g)], (2, 3 * E))
        self.assertEqual(exp[("backward", "ETH", EXCH)], (2, 5 * E))
        self.assertNotIn(("backward", "ETH", late), exp)
        self.assertNotIn(("backward", "ETH", LAZ), exp)
        self.assertIn(("EXCHANGE_FUNDING", "ETH", EXCH, 2), flags)
        self.assertIn(("DIRECT_COUNTERPARTY", "ETH", f, 1), flags)

    def test_services_are_endpoints_and_rules(self):
        x = Export()
        m, after = a(1), a(2)
        x.tx(10, 0, S1, m, 3 * E)
        x.tx(100, 0, m, MIX, E)
        x.tx(200, 0, MIX, after, E)          # mixer passes nothing on
        x.tx(300, 0, S1, LAZ, E)
        exp, flags = run(x)
        self.assertNotIn(("forward", "ETH", after), exp)
        self.assertIn(("MIXER", "ETH", MIX, 2), flags)
        self.assertIn(("SANCTIONED_COUNTERPARTY", "ETH", LAZ, 1), flags)
        self.assertIn(("DIRECT_COUNTERPARTY", "ETH", LAZ, 1), flags)

    def test_rapid_pass_through_boundaries(self):
        x = Export()
        r1, r2, o = a(1), a(2), a(3)
        x.tx(10, 0, S1, r1, 10 * E)
        x.tx(70, 0, r1, o, 9 * E)            # exactly 60 min later, exactly 90 %: fires
        x.tx(10, 1, S1, r2, 10 * E)
        x.tx(71, 0, r2, o, 10 * E)           # 61 min later: does not fire
        _, flags = run(x)
        self.assertIn(("RAPID_PASS_THROUGH", "ETH", r1, 1), flags)
        self.assertNotIn(("RAPID_PASS_THROUGH", "ETH", r2, 1), flags)

    def test_structuring_window_and_band(self):
        x = Export()
        s, t, o = a(1), a(2), a(3)
        x.tx(10, 0, S2, s, 40 * E)
        x.tx(10, 1, S2, t, 40 * E)
        for b, v in ((100, 9 * E), (500, 95 * E // 10), (1540, 99 * E // 10)):   # 1440 min apart first..last: fires
            x.tx(b, 0, s, o, v)
        for b, v in ((100, 9 * E), (500, 10 * E), (900, 99 * E // 10)):     # 10 ETH is not under the threshold
            x.tx(b, 1, t, o, v)
        _, flags = run(x)
        self.assertIn(("STRUCTURING", "ETH", s, 1), flags)
        self.assertNotIn(("STRUCTURING", "ETH", t, 1), flags)

    def test_peel_chain_of_three_steps_and_near_misses(self):
        def chain(break_it=None):
            x = Export()
            st, b, c, d, off, n = a(1), a(2), a(3), a(4), a(5), a(6)
            if break_it == "not fresh":
                x.tx(5, 0, n, c, E)                  # C was paid before B's peel
            x.tx(10, 0, S1, st, 100 * E)
            x.tx(11, 0, st, b, 95 * E)
            x.tx(12, 0, st, off, 5 * E)
            x.tx(13, 0, b, off, (11 if break_it == "too large" else 5) * E)
            x.tx(14, 0, b, c, (89 if break_it == "too large" else 90) * E)
            if break_it == "three sends":
                x.tx(14, 1, b, n, E)
            x.tx(15, 0, c, d, 85 * E)
            if break_it != "two steps":
                x.tx(16, 0, c, off, 5 * E)
            return x, st

        x, start = chain()
        _, flags = run(x)
        self.assertEqual({f for f in flags if f[0] == "PEEL_CHAIN"}, {("PEEL_CHAIN", "ETH", start, 1)})
        for miss in ("not fresh", "too large", "three sends", "two steps"):
            x, _ = chain(miss)
            _, flags = run(x)
            self.assertEqual({f for f in flags if f[0] == "PEEL_CHAIN"}, set(), miss)

    def _export_out(self, export):
        d = tempfile.TemporaryDirectory()
        self.addCleanup(d.cleanup)
        src, out = os.path.join(d.name, "src"), os.path.join(d.name, "out")
        os.makedirs(src)
        export.write(src)
        labels = os.path.join(d.name, "labels.csv")
        with open(labels, "w") as f:
            f.write("address,chain,label,category,source\n%s,ethereum,Ex,exchange,t\n" % EXCH)
        with redirect_stderr(io.StringIO()):
            rt.main([src, labels, "--seeds", "%s,%s" % (S1, S2), "--out", out])
        return out

    def _write(self, export):
        d = tempfile.TemporaryDirectory()
        self.addCleanup(d.cleanup)
        export.write(d.name)
        return d.name


if __name__ == "__main__":
    unittest.main()
