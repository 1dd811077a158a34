"""`rnnsim lessons` and `rnnsim lesson NAME [--check]` as a person runs them."""

import json

from simulator import cli
from simulator.lessons import Outcome, lessons
from simulator.lessons.checks import CHECKS


def test_lessons_lists_one_lesson_a_line_name_first(capsys):
    assert cli.main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [lesson.name for lesson in lessons()]
    assert "延时神经网络" in lines[0] and "TDNN" in lines[0]


def test_a_lesson_shows_its_text_equation_steps_and_claim_in_either_language(capsys):
    assert cli.main(["lesson", "long_range", "--language", "zh"]) == 0
    out = capsys.readouterr().out
    assert "长程依赖" in out and "δ_{t,k}" in out and "σ_max(U)" in out
    assert "  1. [open project=adding_rnn]" in out
    assert "rnnsim lesson long_range --check" in out


def test_check_prints_the_figures_beside_the_claim_and_exits_0_when_it_holds(capsys):
    assert cli.main(["lesson", "bptt", "--check", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "claim: The total loss equals the sum" in out
    assert "max relative error of BPTT" in out and "[holds]" in out
    assert "the claim holds" in out


def test_check_as_json(capsys):
    assert cli.main(["lesson", "recursive", "--check", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["lesson"] == "recursive" and result["holds"] is True
    assert result["figures"]["max |p_t - h_t|"] < 1e-12
    assert all(condition["held"] for condition in result["conditions"])
    assert set(result["claim"]) == {"zh", "en"}


def test_a_claim_that_does_not_hold_exits_1_and_says_which_condition_failed(capsys, monkeypatch):
    def failing(seed):
        outcome = Outcome({"gap": float("inf")})
        outcome.require("the gap is small", False)
        return outcome

    monkeypatch.setitem(CHECKS, "bptt", failing)
    assert cli.main(["lesson", "bptt", "--check", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)  # inf is written as a string: still JSON
    assert result["holds"] is False and result["figures"]["gap"] == "inf"
    assert cli.main(["lesson", "bptt", "--check"]) == 1
    out = capsys.readouterr().out
    assert "[FAILS] the gap is small" in out and "does NOT hold" in out


def test_an_unknown_lesson_is_one_line_and_exit_2(capsys):
    assert cli.main(["lesson", "transformers", "--check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no lesson named 'transformers'" in err
    assert cli.main(["lesson", "bptt", "--check", "--seed", "-1"]) == 2
