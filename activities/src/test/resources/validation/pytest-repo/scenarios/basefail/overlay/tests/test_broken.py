def test_already_broken():
    assert 1 + 1 == 3
