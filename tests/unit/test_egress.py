"""The egress guard: which webhook URLs the platform may call, judged on every address the host
names or resolves to. No network: literal addresses are never resolved (the resolver here fails the
test if asked), and host names resolve through a stand-in resolver."""
from __future__ import annotations

import ipaddress
import socket

import pytest

from chalicelib.platform import egress
from chalicelib.platform.egress import Refusal, check_url


def no_dns(*args, **kwargs):
    raise AssertionError(f"no DNS query expected, got {args}")


def resolving(*answers: str):
    """A resolver answering ``answers`` (in order) for any host, as getaddrinfo shapes them."""
    def resolve(host, port, type=0, **_):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port, 0, 0) if ":" in a else (a, port)) for a in answers]
    return resolve


def refusal(url: str, *, allow_local: bool = False, resolve=no_dns) -> Refusal:
    with pytest.raises(Refusal) as caught:
        check_url(url, allow_local=allow_local, resolve=resolve)
    return caught.value


@pytest.mark.parametrize("host, category", [
    # IPv4
    ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"),
    ("10.0.0.1", "private"), ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link_local"), ("100.64.0.1", "cgnat"), ("100.127.255.254", "cgnat"),
    ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("0.0.0.0", "unspecified"),
    ("0.1.2.3", "unspecified"), ("240.0.0.1", "reserved"), ("255.255.255.255", "reserved"),
    ("192.0.0.8", "reserved"), ("198.18.0.1", "reserved"),
    ("192.0.2.10", "documentation"), ("198.51.100.7", "documentation"), ("203.0.113.9", "documentation"),
    # IPv6
    ("[::1]", "loopback"), ("[::]", "unspecified"), ("[fc00::1]", "private"), ("[fd12:3456::1]", "private"),
    ("[fe80::1]", "link_local"), ("[ff02::1]", "multicast"), ("[2001:db8::1]", "documentation"),
    ("[3fff::1]", "documentation"), ("[fec0::1]", "private"), ("[100::1]", "reserved"),
    ("[2001::1]", "reserved"), ("[2002:a00:1::1]", "reserved"), ("[::7f00:1]", "reserved"),
    ("[64:ff9b:1::a00:1]", "private"),
    # IPv4-mapped and NAT64 forms judged by the IPv4 inside
    ("[::ffff:127.0.0.1]", "loopback"), ("[::ffff:7f00:1]", "loopback"), ("[::ffff:10.0.0.1]", "private"),
    ("[::ffff:169.254.169.254]", "link_local"), ("[64:ff9b::a9fe:a9fe]", "link_local"),
    ("[64:ff9b::127.0.0.1]", "loopback"),
    # numbers inet_aton reads as addresses
    ("127.1", "loopback"), ("2130706433", "loopback"), ("0x7f.1", "loopback"), ("0x7f000001", "loopback"),
    ("0177.0.0.1", "loopback"), ("017700000001", "loopback"), ("10.1", "private"), ("167772161", "private"),
    ("0xa9.0xfe.0xa9.0xfe", "link_local"), ("2852039166", "link_local"), ("0", "unspecified"),
])
def test_an_address_outside_the_public_internet_is_refused_without_a_dns_query(host, category):
    refused = refusal(f"https://{host}/hooks")
    assert (refused.reason, refused.category) == ("address", category), refused


@pytest.mark.parametrize("host", ["[fe80::1%25eth0]"])
def test_a_scoped_ipv6_address_is_link_local(host):
    assert refusal(f"https://{host}/h").category == "link_local"


@pytest.mark.parametrize("url", [
    "https://8.8.8.8/hooks", "https://1.1.1.1:8443/h?x=1", "https://[2606:4700:4700::1111]/h",
    "https://[::ffff:8.8.8.8]/h", "https://[64:ff9b::808:808]/h", "https://134744072/h",
])
def test_a_public_address_passes_and_is_the_one_called(url):
    destination = check_url(url, allow_local=False, resolve=no_dns)
    assert destination.scheme == "https" and len(destination.addresses) == 1
    assert egress.address_category(destination.addresses[0]) is None


def test_a_host_name_passes_only_if_every_address_it_resolves_to_is_public():
    ok = check_url("https://merchant.example/h?a=1", allow_local=False,
                   resolve=resolving("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"))
    assert ok.host == "merchant.example" and ok.port == 443 and ok.target == "/h?a=1"
    assert ok.addresses == (ipaddress.ip_address("93.184.216.34"),
                            ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946"))

    for bad in ("10.0.0.7", "::ffff:169.254.169.254", "fd00::1", "127.0.0.1", "100.100.100.200"):
        refused = refusal("https://merchant.example/h", resolve=resolving("93.184.216.34", bad))
        assert refused.reason == "address" and ipaddress.ip_address(refused.address) == ipaddress.ip_address(bad)


def test_a_host_that_now_resolves_to_a_private_address_is_refused_where_it_passed_before():
    answers = iter([("93.184.216.34",), ("169.254.169.254",)])

    def rebinding(host, port, **kw):
        return resolving(*next(answers))(host, port)

    check_url("https://merchant.example/h", allow_local=False, resolve=rebinding)
    assert refusal("https://merchant.example/h", resolve=rebinding).category == "link_local"


def test_an_internationalised_host_name_is_resolved_by_its_idna_form():
    seen = []
    check_url("https://bücher.example/h", allow_local=False,
              resolve=lambda host, port, **kw: seen.append(host) or resolving("93.184.216.34")(host, port))
    assert seen == ["bücher.example"]


def test_a_host_that_does_not_resolve_is_refused_as_unresolvable():
    def failing(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    assert refusal("https://nowhere.invalid/h", resolve=failing).reason == "unresolvable"
    assert refusal("https://nowhere.invalid/h", resolve=lambda *a, **k: []).reason == "unresolvable"


@pytest.mark.parametrize("url, reason", [
    ("http://example.com/h", "scheme"), ("http://8.8.8.8/h", "scheme"), ("ftp://example.com/h", "scheme"),
    ("gopher://127.0.0.1/h", "scheme"), ("file:///etc/passwd", "malformed"), ("https:///h", "malformed"),
    ("not a url", "malformed"), ("https://example.com:99999/h", "malformed"),
    ("https://user:pw@example.com/h", "credentials"), ("https://nul\x00.example/h", "malformed"),
    ("https://exa mple.com/h", "malformed"), ("https://-bad.example/h", "malformed"),
    ("https://a..b/h", "malformed"),
])
def test_only_https_urls_without_credentials_are_read_at_all(url, reason):
    assert refusal(url).reason == reason


def test_the_local_stage_admits_loopback_and_plain_http_to_it_only():
    for url in ("http://127.0.0.1:8080/h", "http://[::1]:8080/h", "https://127.0.0.1/h", "http://127.1:9/h",
                "http://[::ffff:127.0.0.1]/h"):
        [address] = check_url(url, allow_local=True, resolve=no_dns).addresses
        assert egress.address_category(address, allow_loopback=False) == "loopback"
    local = check_url("http://localhost:8080/h", allow_local=True, resolve=resolving("127.0.0.1", "::1"))
    assert local.port == 8080 and all(a.is_loopback for a in local.addresses)
    # still refused in the local stage: the rest of the private network, and http anywhere else
    assert refusal("http://10.0.0.1/h", allow_local=True).category == "private"
    assert refusal("https://169.254.169.254/h", allow_local=True).category == "link_local"
    assert refusal("http://example.com/h", allow_local=True).reason == "scheme"  # decided without DNS
    assert refusal("https://localhost/h", allow_local=False, resolve=resolving("127.0.0.1")).category == "loopback"


def test_the_real_resolver_reads_localhost_and_numeric_hosts_as_loopback():
    # /etc/hosts and inet_aton only: nothing leaves the machine.
    assert refusal("https://localhost/h", resolve=None).category == "loopback"
    assert check_url("http://localhost:1/h", allow_local=True).addresses
