import re

from simulator import cli


def test_rnnsim_demo_prints_the_gradient_reach_table(capsys):
    assert cli.main(["demo"]) == 0
    out = capsys.readouterr().out
    rows = {
        line.split()[0] + (" " + line.split()[1] if "f+2" in line else ""): line
        for line in out.splitlines()
        if line.startswith("  rnn") or line.startswith("  lstm")
    }
    assert set(rows) == {"rnn", "lstm", "lstm f+2"}
    for line in rows.values():  # BPTT agrees with finite differences
        error = float(re.search(r"max relative error (\S+)", line).group(1))
        assert error < 1e-6
    reach_rnn = float(rows["rnn"].split()[4])  # d=20
    reach_open = float(rows["lstm f+2"].split()[5])
    assert reach_open > 100 * reach_rnn
