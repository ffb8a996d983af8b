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
