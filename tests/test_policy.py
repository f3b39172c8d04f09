"""The source policy for untrusted drafts: paths stay in the repository, URLs only when
allowed and only to public addresses, and refusals end the run with exit 2."""

from __future__ import annotations

import os

import pytest

from checker.errors import RefusedInput
from checker.policy import SourcePolicy
from sample_runs import REPORT, make_repo, run_cli


def resolver(*addresses):
    return lambda host, port: list(addresses)



@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::5", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
])
def test_non_public_addresses_are_refused(tmp_path, address):
    policy = SourcePolicy(tmp_path, allow_urls=True)
    with pytest.raises(RefusedInput, match="non-public address"):
        policy.check_url("https://reports.example/r.pdf", "d.md", resolver(address))


def test_one_private_address_among_public_ones_is_enough_to_refuse(tmp_path):
    policy = SourcePolicy(tmp_path, allow_urls=True)
    with pytest.raises(RefusedInput):
        policy.check_url("http://x.example/", "d.md", resolver("93.184.216.34", "10.0.0.1"))


def test_public_address_passes(tmp_path):
    policy = SourcePolicy(tmp_path, allow_urls=True)
    url = "https://reports.example/r.pdf"
    assert policy.check_url(url, "d.md", resolver("93.184.216.34", "2606:2800:220:1::1")) == url


def test_allow_private_by_network_and_by_host(tmp_path):
    policy = SourcePolicy(tmp_path, allow_urls=True,
                          allow_private=("10.0.0.0/8", "intranet.example"))
    assert policy.check_url("http://a.example/", "d", resolver("10.9.8.7"))
    assert policy.check_url("http://intranet.example/", "d", resolver("192.168.0.1"))
    with pytest.raises(RefusedInput):
        policy.check_url("http://b.example/", "d", resolver("192.168.0.1"))


@pytest.mark.parametrize("url, why", [
    ("file:///etc/passwd", "only http and https"),
    ("ftp://reports.example/r.txt", "only http and https"),
    ("gopher://x/", "only http and https"),
])
def test_other_schemes_are_refused(tmp_path, url, why):
    with pytest.raises(RefusedInput, match=why):
        SourcePolicy(tmp_path, allow_urls=True).check_url(url, "d.md", resolver("93.184.216.34"))


def test_urls_are_refused_unless_config_allows_them(tmp_path):
    with pytest.raises(RefusedInput, match="allow_urls"):
        SourcePolicy(tmp_path).check_url("https://reports.example/", "d.md",
                                         resolver("93.184.216.34"))


def test_paths_must_stay_inside_the_repository(tmp_path):
    repo = tmp_path / "repo"
    make_repo(repo, {"reports/r.txt": REPORT, "drafts/a.md": "x"})
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", repo / "reports/link.txt")
    policy = SourcePolicy(repo)
    drafts = repo / "drafts"
    assert policy.check_path("../reports/r.txt", drafts, "a.md") == (repo / "reports/r.txt").resolve()
    for bad in ("../../secret.txt", "/etc/passwd", "../reports/link.txt", "file:/etc/passwd"):
        with pytest.raises(RefusedInput, match="refused"):
            policy.check_path(bad, drafts, "a.md")


# --- through the command line ---------------------------------------------------------


@pytest.mark.parametrize("source, why", [
    ("/etc/passwd", "outside the repository"),
    ("../../outside.txt", "outside the repository"),
    ("file:///etc/passwd", "only http and https"),
    ("http://127.0.0.1:9/report", "URL sources are off"),
])
def test_refused_front_matter_source_is_exit_2_without_findings(tmp_path, phrase_engine, capsys,
                                                                monkeypatch, source, why):
    repo = tmp_path / "repo"
    make_repo(repo, {"drafts/a.md": f"---\nsource: {source}\n---\nThe fifth director in five years.\n"})
    (tmp_path / "outside.txt").write_text(REPORT)
    monkeypatch.chdir(repo)
    code, out, err = run_cli(["check", "drafts/a.md", "-f", "jsonl"], capsys)
    assert code == 2 and why in err and len(err.strip().splitlines()) == 1
    assert phrase_engine.calls == []
    assert '"error"' in out and "findings" not in out


def test_config_sources_are_held_to_the_policy_too(tmp_path, phrase_engine, capsys, monkeypatch):
    repo = tmp_path / "repo"
    make_repo(repo, {".checker.toml": "[sources]\n'drafts/*.md' = '../outside.txt'\n",
                     "drafts/a.md": "x y z\n"})
    (tmp_path / "outside.txt").write_text(REPORT)
    monkeypatch.chdir(repo)
    code, _, err = run_cli(["check", "drafts/a.md"], capsys)
    assert code == 2 and "outside the repository" in err


def test_command_line_source_is_the_operators_choice(tmp_path, phrase_engine, capsys, monkeypatch):
    repo = tmp_path / "repo"
    make_repo(repo, {"drafts/a.md": "---\nsource: /etc/passwd\n---\nplain words\n"})
    (tmp_path / "outside.txt").write_text(REPORT)
    monkeypatch.chdir(repo)
    code, _, err = run_cli(["check", "drafts/a.md", "--source", str(tmp_path / "outside.txt")],
                           capsys)
    assert code == 0, err
    assert phrase_engine.calls[0][1] == [str(tmp_path / "outside.txt")]


def test_loopback_url_source_when_config_lists_it(tmp_path, phrase_engine, capsys, monkeypatch,
                                                  httpserver):
    httpserver.expect_request("/report.txt").respond_with_data(REPORT, content_type="text/plain")
    url = httpserver.url_for("/report.txt").replace("localhost", "127.0.0.1")
    repo = tmp_path / "repo"
    make_repo(repo, {"drafts/a.md": f"---\nsource: {url}\n---\nThe fifth director in five years.\n"})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    (repo / ".checker.toml").write_text("[policy]\nallow_urls = true\n")
    code, _, err = run_cli(["check", "drafts/a.md"], capsys)
    assert code == 2 and "non-public address 127.0.0.1" in err
    (repo / ".checker.toml").write_text("[policy]\nallow_urls = true\nallow_private = ['127.0.0.0/8']\n")
    code, out, err = run_cli(["check", "drafts/a.md", "-f", "line"], capsys)
    assert code == 1, err
    assert "NUM01" in out and phrase_engine.calls[-1][1] == [url]


def test_redirect_to_a_refused_address_is_refused(tmp_path, phrase_engine, capsys, monkeypatch,
                                                  httpserver):
    target = httpserver.url_for("/report.txt").replace("localhost", "127.0.0.1")
    httpserver.expect_request("/report.txt").respond_with_data(REPORT, content_type="text/plain")
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    start = httpserver.url_for("/go").replace("127.0.0.1", "localhost")
    repo = tmp_path / "repo"
    make_repo(repo, {".checker.toml": "[policy]\nallow_urls = true\nallow_private = ['localhost']\n",
                     "drafts/a.md": f"---\nsource: {start}\n---\nThe fifth director in five years.\n"})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    code, _, err = run_cli(["check", "drafts/a.md"], capsys)
    assert code == 2 and "127.0.0.1" in err and "refused" in err
    assert phrase_engine.calls == []
    # the redirect was refused before it was followed: the refused address got no request
    assert [request.path for request, _ in httpserver.log] == ["/go"]


def test_relative_source_of_a_draft_read_from_a_url_resolves_beside_it(
        tmp_path, phrase_engine, capsys, monkeypatch, httpserver):
    httpserver.expect_request("/drafts/report.txt").respond_with_data(REPORT, content_type="text/plain")
    httpserver.expect_request("/drafts/a.md").respond_with_data(
        "---\nsource: report.txt\n---\nThe fifth director in five years.\n", content_type="text/markdown")
    draft = httpserver.url_for("/drafts/a.md").replace("localhost", "127.0.0.1")
    repo = tmp_path / "repo"
    make_repo(repo, {".checker.toml": "[policy]\nallow_urls = true\nallow_private = ['127.0.0.0/8']\n"})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("CHECKER_NO_CACHE", "1")
    code, out, err = run_cli(["check", draft, "--config", ".checker.toml", "-f", "line"], capsys)
    assert code == 1, err
    assert phrase_engine.calls[-1][1] == [draft.replace("a.md", "report.txt")]
