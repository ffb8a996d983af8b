import errno
import socket


def test_network_is_off():
    # Stages run with NetworkMode none: loopback is the only interface and nothing outside is routable.
    assert [name for _, name in socket.if_nameindex()] == ["lo"]
    try:
        socket.create_connection(("10.0.0.1", 80), timeout=3)
    except OSError as e:
        assert e.errno == errno.ENETUNREACH, e
    else:
        raise AssertionError("a connection left the container")


def test_localhost_resolves_and_serves():
    # The network is off, but the loopback name works: tests that open a server on localhost must pass.
    server = socket.socket()
    server.bind(("localhost", 0))
    server.listen(1)
    client = socket.create_connection(("localhost", server.getsockname()[1]), timeout=3)
    conn, _ = server.accept()
    client.sendall(b"ping")
    assert conn.recv(4) == b"ping"
    for s in (conn, client, server):
        s.close()
